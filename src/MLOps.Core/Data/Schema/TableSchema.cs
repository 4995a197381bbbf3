namespace MLOps.Core.Data.Schema;

/// <summary>The inclusive bounds of a table's row count; either may be absent.</summary>
public sealed record RowCountRange(long? Min = null, long? Max = null);

/// <summary>
/// A dataset's schema: its columns in file order, and the file it was read from; optionally the row-count
/// range and the key columns whose combined values must be unique.
/// </summary>
public sealed record TableSchema(IReadOnlyList<ColumnSchema> Columns, string SourcePath)
{
    /// <summary>The environments a column can be declared for; validation runs in one of them.</summary>
    public static IReadOnlyList<string> KnownEnvironments { get; } = ["training", "serving"];

    public const string DefaultEnvironment = "training";

    public RowCountRange? Rows { get; init; }

    public IReadOnlyList<string>? Unique { get; init; }

    /// <summary>The fraction of rows whose key must be new (<c>"unique": {"value": [...], "mostly": ...}</c>); default 1.</summary>
    public double UniqueMostly { get; init; } = 1.0;

    public ColumnSchema? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
