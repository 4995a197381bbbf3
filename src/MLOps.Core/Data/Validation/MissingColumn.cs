using MLOps.Core.Diagnostics;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Validation;

/// <summary>
/// The MLOPS1005 message for a schema column the header lacks: what the header has (invisible characters
/// escaped), and a hint when a header name differs from the column only by invisible characters (a stray
/// carriage return from <c>\r\r\n</c> line ends, a trailing blank). A label, or a column the schema limits
/// to some environments, is usually missing because serving data was validated as training data: the
/// message then says how <c>environments</c> marks a column training-only and how to validate for serving.
/// </summary>
internal static class MissingColumn
{
    private const string ServingHint = "for the environment serving (mlops validate --environment serving; MSBuild: MLOpsValidationEnvironment=serving)";

    public static string Message(ColumnSchema column, IEnumerable<string> header, string schemaPath, string environment, string? label)
    {
        string[] names = [.. header.Distinct(StringComparer.Ordinal)];
        string message = $"the header has no column {Visible.Quote(column.Name)}, which the schema declares (schema: {schemaPath}). The header has: {Visible.List(names)}.";
        if (names.FirstOrDefault(n => n != column.Name && n.Trim() == column.Name) is { } near)
        {
            message += $" Header column {Visible.Quote(near)} differs from it only by invisible characters: fix the header (a stray \\r comes from lines ending in \\r\\r\\n).";
        }

        if (column.Environments is { } environments)
        {
            return $"{message} The schema limits it to \"environments\": [{string.Join(", ", environments.Select(e => $"\"{Visible.Escape(e)}\""))}], and this data is validated for {Visible.Quote(environment)}: if it is serving data, validate it {ServingHint}; else add the column to the data.";
        }

        if (column.Name == label)
        {
            return $"{message} It is the spec's label, which serving data does not have: mark it training-only in the schema with \"environments\": [\"training\"] and validate serving data {ServingHint}; training data must have it.";
        }

        return $"{message} Add the column to the data or remove it from the schema.";
    }
}
