using System.IO.Hashing;
using System.Text;
using MLOps.ModelFormat.Contract;
using MLOps.Core.Data.Readers;

namespace MLOps.Core.Data.Fingerprints;

/// <summary>
/// A dataset's content fingerprint: a file's XxHash128 (<see cref="Fingerprint.OfFile"/>), or for a folder
/// (<see cref="DataFiles"/>) the XxHash128 of its parts' ordered (relative path, fingerprint) list, so adding, removing
/// or renaming a part changes it as surely as changing one byte. For a folder <see cref="Files"/> lists the parts, so
/// lineage and the lock file show which one changed; for a single file it is null.
/// </summary>
public sealed record DataFingerprint(string Value, IReadOnlyList<PartFingerprint>? Files)
{
    /// <summary>Hashes every file of <paramref name="path"/>. Throws what reading a file throws.</summary>
    public static DataFingerprint Of(string path) => Of(path, Fingerprint.OfFile)!;

    /// <summary>The fingerprint with each file hashed by <paramref name="hashFile"/> (a hash cache, say); null when it
    /// returns null for a file (the file is gone).</summary>
    public static DataFingerprint? Of(string path, Func<string, string?> hashFile)
    {
        DataFiles data = DataFiles.Of(path);
        if (!data.IsFolder)
        {
            return hashFile(path) is { } hash ? new DataFingerprint(hash, null) : null;
        }
        var parts = new List<PartFingerprint>(data.Files.Count);
        foreach (string file in data.Files)
        {
            if (hashFile(file) is not { } hash)
            {
                return null;
            }
            parts.Add(new PartFingerprint(data.NameOf(file), hash));
        }
        return new DataFingerprint(Combine(parts), parts);
    }

    /// <summary><c>"xxh128:"</c> and the hex of XxHash128 over "path NUL fingerprint LF" per part, in the given order.</summary>
    public static string Combine(IEnumerable<PartFingerprint> parts)
    {
        var hash = new XxHash128();
        foreach (PartFingerprint part in parts)
        {
            // No file name holds a NUL, so a path and a hash can never run into each other.
            hash.Append(Encoding.UTF8.GetBytes(part.Path));
            hash.Append([0]);
            hash.Append(Encoding.UTF8.GetBytes(part.Fingerprint));
            hash.Append("\n"u8);
        }
        return "xxh128:" + Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
