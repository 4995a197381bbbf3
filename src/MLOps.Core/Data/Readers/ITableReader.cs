namespace MLOps.Core.Data.Readers;

/// <summary>The file formats a data file can have; <see cref="TableReader.FormatOf"/> picks one by extension.</summary>
public enum TableFormat
{
    Csv,
    Parquet,
    JsonLines,
}

/// <summary>
/// Receives a problem with the file itself (bad bytes, a record too long, a corrupt page) at its
/// location (a line, or a row for Parquet) and 1-based field (0: none).
/// </summary>
public delegate void ReadProblemHandler(string code, string message, long location, int field);

/// <summary>
/// One record at a time from a data file (or a folder of them, <see cref="FolderTableReader"/>), whatever its format: CSV (<see cref="CsvTableReader"/>), Parquet
/// (<see cref="ParquetTableReader"/>) or JSON Lines (<see cref="JsonLinesTableReader"/>). A field is text: the
/// file's own text for CSV and JSON strings; for typed values (Parquet columns other than strings, JSON
/// numbers and booleans) the invariant rendering: numbers round-trip ("R"), booleans <c>true</c>/<c>false</c>,
/// timestamps ISO 8601 <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c> (see <see cref="IsTypedValue"/>). A missing value
/// (empty CSV field, JSON null or absent property, Parquet null) is empty text. Problems with the file are
/// reported to the <see cref="ReadProblemHandler"/> given when it was opened, never thrown.
/// </summary>
public interface ITableReader : IDisposable
{
    TableFormat Format { get; }

    /// <summary>Column names in field order: the CSV header, the Parquet schema's fields, or for JSON Lines the
    /// columns asked for when opening (else the first object's properties). Empty when there is no header.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Where the header is (CSV: its line; 0 for formats whose column names are not a line of the file).</summary>
    long HeaderLocation { get; }

    /// <summary>Fields in the current record; only a ragged CSV row has other than <c>Columns.Count</c>.</summary>
    int FieldCount { get; }

    /// <summary>The current record's location: its first physical line (CSV, JSON Lines), or its 1-based row (Parquet).</summary>
    long Location { get; }

    /// <summary>True once reading ended early on a problem already reported (an unterminated quote, invalid
    /// UTF-8, a corrupt Parquet file): the records before it were read, the rest of the file was not. A folder's reader
    /// (<see cref="FolderTableReader"/>) says so when any part stopped or was skipped, and reads the other parts still.</summary>
    bool Stopped { get; }

    /// <summary>The field's text; valid until the next <see cref="Read"/>.</summary>
    ReadOnlySpan<char> this[int index] { get; }

    /// <summary>True when the field's text renders a typed value instead of being the file's text: a datetime
    /// is then ISO 8601, whatever format the schema gives for the column's text.</summary>
    bool IsTypedValue(int index);

    /// <summary>Moves to the next record; false at the end of the data (or once <see cref="Stopped"/>).</summary>
    bool Read();
}
