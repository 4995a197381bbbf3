using System.Globalization;
using System.Text;
using System.Text.Json;
using MLOps.Core.IO;

namespace MLOps.Core.Data.Schema;

/// <summary>
/// Writes a schema in the schema file's own layout (data/flights/schema.json, docs/schema.md): two-space
/// indents, one key per line in the order name, type, nullable, required, environments, format, min, max,
/// allowed, pattern, max_length, max_null_fraction, mostly, each list on one line, then the table's rows and
/// unique; a check with its own tolerance as <c>{ "value": ..., "mostly": ... }</c>; settings at their defaults left out, <c>\n</c> line ends. The same schema
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
        json.Append(schema.Columns.Count == 0 ? "]" : "\n  ]");
        if (schema.Rows is { } rows)
        {
            IEnumerable<string> bounds = new[] { ("min", rows.Min), ("max", rows.Max) }
                .Where(b => b.Item2 is not null).Select(b => $"{Text(b.Item1)}: {b.Item2!.Value.ToString(CultureInfo.InvariantCulture)}");
            json.Append(",\n  \"rows\": { ").AppendJoin(", ", bounds).Append(" }");
        }
        if (schema.Unique is { } unique)
        {
            json.Append(",\n  \"unique\": ").Append(Tolerated(List(unique), schema.UniqueMostly));
        }
        return json.Append("\n}\n").ToString();
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
        if (!column.Required)
        {
            yield return new("required", "false");
        }
        if (column.Environments is { } environments)
        {
            yield return new("environments", List(environments));
        }
        if (column.Format is { } format)
        {
            yield return new("format", Text(format));
        }
        if (column.Min is { } min)
        {
            yield return new("min", Check(column, "min", Number(min)));
        }
        if (column.Max is { } max)
        {
            yield return new("max", Check(column, "max", Number(max)));
        }
        if (column.Allowed is { } allowed)
        {
            yield return new("allowed", Check(column, "allowed", List(allowed)));
        }
        if (column.Pattern is { } pattern)
        {
            yield return new("pattern", Check(column, "pattern", Text(pattern)));
        }
        if (column.MaxLength is { } maxLength)
        {
            yield return new("max_length", Check(column, "max_length", maxLength.ToString(CultureInfo.InvariantCulture)));
        }
        if (column.MaxNullFraction is { } maxNullFraction)
        {
            yield return new("max_null_fraction", Number(maxNullFraction));
        }
        if (column.Mostly < 1)
        {
            yield return new("mostly", Number(column.Mostly));
        }
    }

    // A check with its own tolerance is written in the object form; otherwise the bare value.
    private static string Check(ColumnSchema column, string check, string value) =>
        column.CheckMostly is { } own && own.TryGetValue(check, out double mostly) ? Tolerated(value, mostly, always: true) : value;

    private static string Tolerated(string value, double mostly, bool always = false) =>
        always || mostly < 1 ? $"{{ \"value\": {value}, \"mostly\": {Number(mostly)} }}" : value;

    private static string List(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(Text))}]";

    private static string Text(string value) => JsonSerializer.Serialize(value, Strings);

    // Shortest text that reads back as the same double; integers without a fraction ("-1440", not "-1440.0").
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
