using MLOps.Core.IO;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// The files a dataset's path names: the file itself, or for a folder (a partitioned export: part-0000.parquet,
/// part-0001.parquet, ...) the data files directly in it, in ordinal order of their names. A data file in a folder
/// has one of <see cref="Extensions"/>; other files (README.md, a _SUCCESS marker, .crc checksums) are not data,
/// nor are names starting with '.' or '_', which Spark, Hadoop and pyarrow keep for their own bookkeeping.
/// Subfolders are not read: a Hive-style partition (<c>year=2001/part-0.parquet</c>) keeps a column in the
/// folder's name that its files lack, and writers stage unfinished files in subfolders (<c>_temporary/</c>).
/// </summary>
public sealed record DataFiles(string Path, bool IsFolder, IReadOnlyList<string> Files)
{
    /// <summary>The extensions of the data files a folder's listing keeps (compared ignoring case).</summary>
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".tsv", ".parquet", ".jsonl", ".ndjson"];

    /// <summary>The files <paramref name="path"/> names: a folder's data files, else the path itself (which need not exist).
    /// Throws what listing a folder throws (<see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>).</summary>
    public static DataFiles Of(string path)
    {
        if (!Directory.Exists(path))
        {
            return new DataFiles(path, false, [path]);
        }
        string[] files = [.. Directory.EnumerateFiles(path)
            .Where(f => IsDataFile(System.IO.Path.GetFileName(f)))
            .OrderBy(f => System.IO.Path.GetFileName(f), StringComparer.Ordinal)];
        return new DataFiles(path, true, files);
    }

    /// <summary>True when <paramref name="path"/> is a file or a folder.</summary>
    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>Whether a file of this name in a data folder is one of its parts.</summary>
    public static bool IsDataFile(string name) =>
        !name.StartsWith('.') && !name.StartsWith('_')
        && Extensions.Contains(System.IO.Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);

    /// <summary>A part's path relative to the folder, with '/' (its name, as parts are top-level); a single file's name.</summary>
    public string NameOf(string file) => IsFolder
        ? PortablePath.Relative(Path, file)
        : System.IO.Path.GetFileName(file);
}
