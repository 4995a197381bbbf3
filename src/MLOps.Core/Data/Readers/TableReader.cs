using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Readers;

/// <summary>How to open a data file. Every setting has a default, so <c>new TableReaderOptions()</c> fits most files.</summary>
public sealed record TableReaderOptions
{
    /// <summary>Largest record read, in chars (CSV) or bytes (a JSON line); a longer one is reported and skipped.</summary>
    public const int DefaultMaxRecordLength = 16 * 1024 * 1024;

    /// <summary>The CSV separator; null: a tab for <c>.tsv</c> files, else a comma.</summary>
    public char? Separator { get; init; }

    /// <summary>The columns the caller will read. JSON Lines takes them as its column set (an absent property is
    /// null); Parquet reads only these (the others read as empty). Null: every column.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    public int MaxRecordLength { get; init; } = DefaultMaxRecordLength;
}

/// <summary>Opens a data file with the reader its extension calls for, or a folder of them as one table.</summary>
public static class TableReader
{
    /// <summary><c>.parquet</c>: Parquet; <c>.jsonl</c>, <c>.ndjson</c>: JSON Lines; anything else (<c>.csv</c>, <c>.tsv</c>, ...): CSV.</summary>
    public static TableFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".parquet" => TableFormat.Parquet,
        ".jsonl" or ".ndjson" => TableFormat.JsonLines,
        _ => TableFormat.Csv,
    };

    /// <summary>Opens <paramref name="path"/>, a file or a folder of files read as one table (<see cref="FolderTableReader"/>);
    /// problems go to <paramref name="bag"/> (or nowhere), naming the file as given, or for a folder the part they are in.
    /// Throws only what opening a file or listing a folder throws (<see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>).</summary>
    /// <param name="partOpened">For a folder: called with each part's path before the part is read.</param>
    public static ITableReader Open(string path, DiagnosticBag? bag = null, TableReaderOptions? options = null, Action<string>? partOpened = null)
    {
        string file = path;
        return Open(path, bag is null ? null : (code, message, location, field) => bag.Error(code, message, file, ClampLine(location), field), options, part =>
        {
            file = part;
            partOpened?.Invoke(part);
        });
    }

    public static ITableReader Open(string path, ReadProblemHandler? report, TableReaderOptions? options = null, Action<string>? partOpened = null)
    {
        options ??= new TableReaderOptions();
        DataFiles data = DataFiles.Of(path);
        return data.IsFolder ? new FolderTableReader(data, report, options, partOpened) : OpenFileReader(path, report, options);
    }

    /// <summary>The reader of one file, by its extension.</summary>
    internal static ITableReader OpenFileReader(string path, ReadProblemHandler? report, TableReaderOptions options) => FormatOf(path) switch
    {
        TableFormat.Parquet => new ParquetTableReader(path, report, options.Columns),
        TableFormat.JsonLines => new JsonLinesTableReader(OpenFile(path), report, options.Columns, options.MaxRecordLength),
        _ => new CsvTableReader(CsvReader.Open(path, options.Separator ?? (Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ','), report, options.MaxRecordLength)),
    };

    internal static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    internal static int ClampLine(long location) => (int)Math.Min(location, int.MaxValue);
}
