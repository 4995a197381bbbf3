using System.Text.Json;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Data.Constraints;

public sealed class SchemaConstraintsFileTests : IDisposable
{
    internal const string Full = """
        {
          "$schema": "../../docs/schema.schema.json",
          "columns": [
            {
              "name": "id",
              "type": "categorical",
              "pattern": "[A-Z]{2}[0-9]+",
              "max_length": { "value": 8, "mostly": 0.95 },
              "mostly": 0.99
            },
            {
              "name": "label",
              "type": "boolean",
              "environments": ["training"]
            },
            {
              "name": "note",
              "type": "text",
              "nullable": true,
              "required": false,
              "max_null_fraction": 0.5
            }
          ],
          "rows": { "min": 1, "max": 1000 },
          "unique": { "value": ["id"], "mostly": 0.999 }
        }
        """;

    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    // Loads a schema that must be refused with exactly one diagnostic, and returns that diagnostic.
    private Diagnostic LoadFailsWithOne(string path)
    {
        Assert.Null(SchemaFile.Load(path, _bag));
        return Assert.Single(_bag);
    }

    [Fact]
    public void Should_read_every_constraint_and_ignore_dollar_schema_When_the_schema_uses_them()
    {
        // Given a schema with every new key
        string path = _temp.Write("schema.json", Full);

        // When it is loaded
        TableSchema schema = SchemaFile.Load(path, _bag)!;

        // Then each comes back
        Assert.Empty(_bag);
        Assert.Equal(("[A-Z]{2}[0-9]+", 8, 0.99), (schema.Columns[0].Pattern, schema.Columns[0].MaxLength, schema.Columns[0].Mostly));
        Assert.Equal(["training"], schema.Columns[1].Environments!);
        Assert.Equal((false, 0.5), (schema.Columns[2].Required, schema.Columns[2].MaxNullFraction));
        Assert.Equal(new RowCountRange(1, 1000), schema.Rows);
        Assert.Equal(["id"], schema.Unique!);
        Assert.Equal(0.999, schema.UniqueMostly);
        Assert.Equal((0.95, 0.99), (schema.Columns[0].MostlyFor("max_length"), schema.Columns[0].MostlyFor("pattern")));
        Assert.Equal(ColumnType.Text, schema.Columns[2].Type);
    }

    [Fact]
    public void Should_write_every_constraint_back_When_a_loaded_schema_is_serialized()
    {
        // Given a loaded schema with every new key
        TableSchema schema = SchemaFile.Load(_temp.Write("schema.json", Full), _bag)!;

        // When it is written and read again
        string written = SchemaWriter.Serialize(schema);
        TableSchema again = SchemaFile.Load(_temp.Write("again.json", written), _bag)!;

        // Then nothing is lost
        Assert.Empty(_bag);
        Assert.Equal(SchemaWriter.Serialize(again), written);
        Assert.Contains("\"rows\": { \"min\": 1, \"max\": 1000 }", written);
        Assert.Contains("\"unique\": { \"value\": [\"id\"], \"mostly\": 0.999 }", written);
        Assert.Contains("\"max_length\": { \"value\": 8, \"mostly\": 0.95 }", written);
        Assert.Equal((0.99, "[A-Z]{2}[0-9]+", "training"), (again.Columns[0].Mostly, again.Columns[0].Pattern, again.Columns[1].Environments![0]));
    }

    [Fact]
    public void Should_write_the_flights_schema_unchanged_When_it_is_loaded_and_serialized()
    {
        // Given the shipped flights schema
        string path = SchemaFileTests.RepoFile("data/flights/schema.json");

        // When it is loaded and written again
        string written = SchemaWriter.Serialize(SchemaFile.Load(path, _bag)!);

        // Then the bytes are the file's
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), written);
    }

    [Theory]
    [InlineData("""{"name":"x","type": "categorical","mostly":1.5}""", "mostly 1.5")]
    [InlineData("""{"name":"x","type": "categorical","mostly":0}""", "mostly 0")]
    [InlineData("""{"name":"x","type":"integer","min":{"value":1,"mostly":2}}""", "has mostly 2 on \"min\"")]
    [InlineData("""{"name":"x","type":"text","allowed":{"value":["a"],"mostly":0.5}}""", "A column whose values come from a fixed set is \"categorical\"")]
    [InlineData("""{"name":"x","type": "categorical","pattern":"[a-"}""", "not a valid .NET regular expression")]
    [InlineData("""{"name":"x","type":"integer","pattern":"[0-9]"}""", "categorical and text columns only")]
    [InlineData("""{"name":"x","type":"text","allowed":["a"]}""", "A column whose values come from a fixed set is \"categorical\"")]
    [InlineData("""{"name":"x","type": "categorical","max_length":-1}""", "max_length -1")]
    [InlineData("""{"name":"x","type": "categorical","nullable":true,"max_null_fraction":2}""", "max_null_fraction 2")]
    [InlineData("""{"name":"x","type": "categorical","max_null_fraction":0.1}""", "is not nullable")]
    [InlineData("""{"name":"x","type": "categorical","environments":["production"]}""", "Valid values are training, serving")]
    public void Should_report_MLOPS1013_at_the_column_line_When_a_constraint_has_a_bad_value(string column, string expected)
    {
        // Given a valid first column and the bad one on line 3
        string path = _temp.Write("schema.json", "{\"columns\": [\n{\"name\":\"ok\",\"type\":\"integer\"},\n" + column + "\n]}");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then the column's line gets MLOPS1013
        Assert.Equal((Codes.SchemaColumnInvalid, 3), (d.Code, d.Line));
        Assert.Contains(expected, d.Message);
    }

    [Theory]
    [InlineData("\"rows\": {\"min\": 5, \"max\": 2}", "min at most max")]
    [InlineData("\"rows\": {}", "a \"min\", a \"max\" or both")]
    [InlineData("\"unique\": [\"nope\"]", "'nope'")]
    [InlineData("\"unique\": []", "one or more distinct")]
    [InlineData("\"rows\": {\"min\": \"many\"}", "rows")]
    [InlineData("\"unique\": {\"value\": [\"ok\"], \"mostly\": 0}", "\"unique\" has mostly 0")]
    [InlineData("\"unique\": {\"value\": [\"ok\"], \"most\": 0.5}", "unknown setting 'most'")]
    public void Should_report_MLOPS1001_at_the_line_When_a_table_setting_is_bad(string setting, string expected)
    {
        // Given a bad table setting on line 3
        string path = _temp.Write("schema.json", "{\"columns\": [{\"name\":\"ok\",\"type\":\"integer\"}],\n\n" + setting + "\n}");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then line 3 gets MLOPS1001
        Assert.Equal((Codes.SchemaFileInvalid, 3), (d.Code, d.Line));
        Assert.Contains(expected, d.Message);
    }

    [Theory]
    [InlineData("""{"name":"x","type":"integer","min":{"value":1,"mostlyy":0.5}}""", "unknown setting 'mostlyy'")]
    [InlineData("""{"name":"x","type":"integer","min":{"mostly":0.5}}""", "'value'")]
    [InlineData("""{"name":"x","type":"integer","min":{"value":"low","mostly":0.5}}""", "(at 'min')")]
    public void Should_report_MLOPS1001_at_the_column_line_When_a_check_with_its_own_mostly_is_malformed(string column, string expected)
    {
        // Given a column on line 3 whose check uses the {"value", "mostly"} form wrongly
        string path = _temp.Write("schema.json", "{\"columns\": [\n {\"name\":\"ok\",\"type\":\"integer\"},\n " + column + "\n]}");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then line 3 gets MLOPS1001 saying what is wrong, in the schema's words
        Assert.Equal((Codes.SchemaFileInvalid, 3), (d.Code, d.Line));
        Assert.Contains(expected, d.Message);
        Assert.DoesNotContain("MLOps.Core", d.Message);
    }

    [Fact]
    public void Should_describe_every_column_key_When_the_json_schema_for_editors_is_read()
    {
        // Given the JSON Schema shipped for editors
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(SchemaFileTests.RepoFile("docs/schema.schema.json")));

        // When its column and table properties are listed
        JsonElement root = json.RootElement;
        string[] columnKeys = [.. root.GetProperty("$defs").GetProperty("column").GetProperty("properties").EnumerateObject().Select(p => p.Name)];
        string[] tableKeys = [.. root.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

        // Then they are the format's keys, draft 2020-12
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(
            ["allowed", "environments", "format", "max", "max_length", "max_null_fraction", "min", "mostly", "name", "nullable", "pattern", "required", "type"],
            columnKeys.Order(StringComparer.Ordinal));
        Assert.Equal(["$schema", "columns", "rows", "unique"], tableKeys.Order(StringComparer.Ordinal));
    }
}
