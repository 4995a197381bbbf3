using System.Globalization;
using System.Text;
using System.Text.Json;
using MLOps.Core.IO;

namespace MLOps.Core.Data;

/// <summary>
/// Writes a schema in the schema file's own layout (data/flights/schema.json, docs/schema.md): two-space
/// indents, one key per line in the order name, type, nullable, format, min, max, allowed, each
/// <c>allowed</c> list on one line, settings at their defaults left out, <c>\n</c> line ends. The same schema
/// always gives the same bytes, so an inferred schema diffs cleanly against the committed one.
/// </summary>
public static class SchemaWriter
{
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JsonFile.Options.Encoder };

    public static string Serialize(TableSchema schema)
    {
        var json = new StringBuilder("{\n  \"columns\": [");
        for (int i = 0; i < schema.Columns.Count; i++)
        {
            json.Append(i == 0 ? "\n" : ",\n").Append("    {\n");
            json.AppendJoin(",\n", Settings(schema.Columns[i]).Select(s => $"      {Text(s.Key)}: {s.Value}"));
            json.Append("\n    }");
        }
        return json.Append(schema.Columns.Count == 0 ? "]\n}\n" : "\n  ]\n}\n").ToString();
    }

    /// <summary>Writes the schema unless the file already holds exactly that; returns whether it wrote.</summary>
    public static bool Write(string path, TableSchema schema) => TextFile.WriteIfChanged(path, Serialize(schema));

    private static IEnumerable<KeyValuePair<string, string>> Settings(ColumnSchema column)
    {
        yield return new("name", Text(column.Name));
        yield return new("type", Text(column.Type.ToString().ToLowerInvariant()));
        if (column.Nullable)
        {
            yield return new("nullable", "true");
        }
        if (column.Format is { } format)
        {
            yield return new("format", Text(format));
        }
        if (column.Min is { } min)
        {
            yield return new("min", Number(min));
        }
        if (column.Max is { } max)
        {
            yield return new("max", Number(max));
        }
        if (column.Allowed is { } allowed)
        {
            yield return new("allowed", $"[{string.Join(", ", allowed.Select(Text))}]");
        }
    }

    private static string Text(string value) => JsonSerializer.Serialize(value, Strings);

    // Shortest text that reads back as the same double; integers without a fraction ("-1440", not "-1440.0").
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
