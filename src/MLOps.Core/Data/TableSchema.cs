namespace MLOps.Core.Data;

/// <summary>A dataset's schema: its columns in file order, and the file it was read from.</summary>
public sealed record TableSchema(IReadOnlyList<ColumnSchema> Columns, string SourcePath)
{
    public ColumnSchema? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
