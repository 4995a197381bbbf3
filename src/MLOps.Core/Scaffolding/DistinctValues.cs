using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Scaffolding;

/// <summary>
/// Counts the distinct values of one column, up to a cap, in a pass over the data: a schema keeps a number's range but
/// not how many values it takes, and a label of two values is a binary one. Values compare as their type reads them
/// ("1" and "1.0" are one number); empty values are not counted. Problems with the data were reported when the schema
/// was inferred from the same data, so this pass reports none.
/// </summary>
internal static class DistinctValues
{
    public static int Count(string dataPath, string column, ColumnType type, int cap)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using ITableReader reader = TableReader.Open(dataPath, (ReadProblemHandler?)null);
        int field = IndexOf(reader.Columns, column);
        while (field >= 0 && seen.Count < cap && reader.Read())
        {
            if (field < reader.FieldCount && Key(reader[field], type) is { } key)
            {
                seen.Add(key);
            }
        }
        return seen.Count;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static string? Key(ReadOnlySpan<char> text, ColumnType type) => text.IsEmpty ? null : type switch
    {
        ColumnType.Boolean when ValueParser.TryBoolean(text, out bool b) => b ? "true" : "false",
        ColumnType.Integer or ColumnType.Float when ValueParser.TryFloat(text, out double d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => text.ToString(),
    };
}
