using System.Globalization;
using System.Text;

namespace MLOps.Core.Versioning;

/// <summary>
/// Remembers each file's content hash by (path, size, last write time), DVC's state database in one small
/// text file under obj/: a build re-hashes a file only when its size or timestamp moved, so touching a
/// file costs one re-hash and an unchanged file costs a stat. One line per file: size, ticks, hash, path.
/// </summary>
public sealed class FileHashCache
{
    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;
    private bool _changed;

    private FileHashCache(string path, Dictionary<string, Entry> entries)
    {
        _path = path;
        _entries = entries;
    }

    private readonly record struct Entry(long Size, long Ticks, string Hash);

    public static FileHashCache Load(string path)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            foreach (string line in File.ReadLines(path))
            {
                string[] parts = line.Split('\t', 4);
                if (parts.Length == 4
                    && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long size)
                    && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks))
                {
                    entries[parts[3]] = new Entry(size, ticks, parts[2]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No cache (first build, obj/ deleted) or an unreadable one: everything is hashed again.
        }

        return new FileHashCache(path, entries);
    }

    /// <summary>The file's hash by <paramref name="hasher"/>, computed only when the file's size or time changed; null when it does not exist.</summary>
    public string? Hash(string file, Func<string, string> hasher)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            return null;
        }

        string key = info.FullName;
        var stat = new Entry(info.Length, info.LastWriteTimeUtc.Ticks, "");
        if (_entries.TryGetValue(key, out Entry known) && known with { Hash = "" } == stat)
        {
            return known.Hash;
        }

        string hash = hasher(key);
        _entries[key] = stat with { Hash = hash };
        _changed = true;
        return hash;
    }

    /// <summary>Whether <paramref name="file"/> exists with the size and time it had when it was last hashed here.</summary>
    public bool IsUnchanged(string file)
    {
        var info = new FileInfo(file);
        return info.Exists && _entries.TryGetValue(info.FullName, out Entry known)
            && known.Size == info.Length && known.Ticks == info.LastWriteTimeUtc.Ticks;
    }

    /// <summary>Writes the cache back if any hash was computed.</summary>
    public void Save()
    {
        if (!_changed)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var (file, e) in _entries.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Size}\t{e.Ticks}\t{e.Hash}\t{file}\n");
        }

        IO.TextFile.WriteIfChanged(_path, text.ToString());
        _changed = false;
    }
}
