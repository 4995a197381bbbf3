using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data;

/// <summary>
/// The MLOPS1005 message for a schema column the header lacks: what the header has (invisible characters
/// escaped), and a hint when a header name differs from the column only by invisible characters (a stray
/// carriage return from <c>\r\r\n</c> line ends, a trailing blank).
/// </summary>
internal static class MissingColumn
{
    public static string Message(ColumnSchema column, IEnumerable<string> header, string schemaPath)
    {
        string[] names = [.. header.Distinct(StringComparer.Ordinal)];
        string message = $"the header has no column {Visible.Quote(column.Name)}, which the schema declares (schema: {schemaPath}). The header has: {Visible.List(names)}.";
        if (names.FirstOrDefault(n => n != column.Name && n.Trim() == column.Name) is { } near)
        {
            message += $" Header column {Visible.Quote(near)} differs from it only by invisible characters: fix the header (a stray \\r comes from lines ending in \\r\\r\\n).";
        }

        return $"{message} Add the column to the data or remove it from the schema.";
    }
}
