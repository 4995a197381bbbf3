using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Data;

public sealed class SchemaFileTests : IDisposable
{
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
    public void Should_read_every_column_When_loading_the_flights_schema()
    {
        // Given the schema the repository ships for the flights data
        string path = RepoFile("data/flights/schema.json");

        // When it is loaded
        TableSchema? schema = SchemaFile.Load(path, _bag);

        // Then every column comes back with its type and constraints
        Assert.Empty(_bag);
        Assert.NotNull(schema);
        Assert.Equal(["date", "delay", "distance", "origin", "destination"], schema.Columns.Select(c => c.Name));
        Assert.Equal(new ColumnSchema("date", ColumnType.DateTime, Format: "yyyy-MM-dd HH:mm"), schema.Columns[0]);
        Assert.Equal((ColumnType.Integer, -1440d, 2880d, false), (schema.Columns[1].Type, schema.Columns[1].Min, schema.Columns[1].Max, schema.Columns[1].Nullable));
        Assert.Contains("ATL", schema.Columns[3].Allowed!);
        Assert.Equal(path, schema.SourcePath);
    }

    [Fact]
    public void Should_use_defaults_When_optional_settings_are_left_out()
    {
        // Given a column with only a name and a type
        string path = _temp.Write("schema.json", """{"columns":[{"name":"x","type":"float"}]}""");

        // When it is loaded
        TableSchema? schema = SchemaFile.Load(path, _bag);

        // Then it is not nullable and has no bounds, allowed set or format
        Assert.Empty(_bag);
        Assert.Equal(new ColumnSchema("x", ColumnType.Float), schema!.Columns.Single());
    }

    [Fact]
    public void Should_report_MLOPS1001_When_the_schema_file_does_not_exist()
    {
        // Given a path with no file
        string path = Path.Combine(_temp.Path, "missing.json");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then the file is named, with no line
        Assert.Equal((Codes.SchemaFileInvalid, path, 0), (d.Code, d.File, d.Line));
    }

    [Fact]
    public void Should_report_MLOPS1001_at_the_line_When_the_json_is_malformed()
    {
        // Given JSON whose third line lacks a colon
        string path = _temp.Write("schema.json", "{\n  \"columns\": [\n    {\"name\" \"x\", \"type\": \"float\"}\n  ]\n}\n");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then the diagnostic points at line 3 (1-based)
        Assert.Equal((Codes.SchemaFileInvalid, path, 3), (d.Code, d.File, d.Line));
    }

    [Fact]
    public void Should_report_MLOPS1002_listing_the_valid_types_When_a_type_is_unknown()
    {
        // Given a column typed "int" on line 4
        string path = _temp.Write("schema.json", "{\n  \"columns\": [\n    {\"name\": \"a\", \"type\": \"float\"},\n    {\"name\": \"b\", \"type\": \"int\"}\n  ]\n}\n");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then the diagnostic names the line and the valid types
        Assert.Equal((Codes.SchemaColumnTypeUnknown, path, 4), (d.Code, d.File, d.Line));
        Assert.Contains("'int'", d.Message);
        Assert.Contains("boolean, integer, float, categorical, text, datetime", d.Message);
    }

    [Fact]
    public void Should_report_MLOPS1002_offering_categorical_or_text_When_a_column_is_typed_string()
    {
        // Given a schema written for another tool, with "string" on line 3
        string path = _temp.Write("schema.json", "{\"columns\": [\n  {\"name\": \"a\", \"type\": \"integer\"},\n  {\"name\": \"b\", \"type\": \"string\"}\n]}");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then the diagnostic explains the two string types to choose from
        Assert.Equal((Codes.SchemaColumnTypeUnknown, 3), (d.Code, d.Line));
        Assert.Contains("\"categorical\" when its values come from a bounded set", d.Message);
        Assert.Contains("\"text\" when they are free text", d.Message);
    }

    [Fact]
    public void Should_report_MLOPS1001_When_a_column_has_a_misspelt_setting()
    {
        // Given "nulable" instead of "nullable" on line 2
        string path = _temp.Write("schema.json", "{\"columns\": [\n {\"name\": \"a\", \"type\": \"float\", \"nulable\": true}]}");

        // When it is loaded
        SchemaFile.Load(path, _bag);

        // Then the unknown setting is an error, not silently ignored
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.SchemaFileInvalid, path, 2), (d.Code, d.File, d.Line));
        Assert.Contains("nulable", d.Message);
    }

    [Fact]
    public void Should_report_MLOPS1001_at_the_setting_line_When_a_value_has_the_wrong_json_type()
    {
        // Given a column spread over lines 3-6 whose "min" on line 5 is a string
        string path = _temp.Write("schema.json", "{\n  \"columns\": [\n    {\n      \"name\": \"a\", \"type\": \"integer\",\n      \"min\": \"low\"\n    }\n  ]\n}\n");

        // When it is loaded
        SchemaFile.Load(path, _bag);

        // Then the line is the setting's line in the file, not within the column
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.SchemaFileInvalid, path, 5), (d.Code, d.File, d.Line));
        Assert.Contains("(at 'min')", d.Message);
    }

    [Fact]
    public void Should_report_MLOPS1001_When_the_columns_list_is_missing()
    {
        // Given a JSON object without "columns"
        string path = _temp.Write("schema.json", "{\"cols\": []}");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then the file is rejected on line 1
        Assert.Equal((Codes.SchemaFileInvalid, path, 1), (d.Code, d.File, d.Line));
    }

    [Fact]
    public void Should_report_MLOPS1001_When_a_column_has_no_name()
    {
        // Given a column with a type but no name
        string path = _temp.Write("schema.json", """{"columns": [{"type": "float"}]}""");

        // When it is loaded
        Diagnostic d = LoadFailsWithOne(path);

        // Then it is reported on line 1
        Assert.Equal((Codes.SchemaFileInvalid, path, 1), (d.Code, d.File, d.Line));
    }

    [Fact]
    public void Should_report_MLOPS1013_at_each_column_line_When_columns_are_inconsistent()
    {
        // Given min above max on line 3 and a duplicate name on line 4
        string path = _temp.Write("schema.json", "{\"columns\": [\n {\"name\": \"a\", \"type\": \"integer\"},\n {\"name\": \"b\", \"type\": \"integer\", \"min\": 5, \"max\": 1},\n {\"name\": \"a\", \"type\": \"categorical\"}\n]}");

        // When it is loaded
        TableSchema? schema = SchemaFile.Load(path, _bag);

        // Then both problems are reported, each at its column's line
        Assert.Null(schema);
        Assert.Equal([(Codes.SchemaColumnInvalid, 3), (Codes.SchemaColumnInvalid, 4)], _bag.Select(d => (d.Code, d.Line)));
        Assert.All(_bag, d => Assert.Equal(path, d.File));
        Assert.Contains("min 5 above max 1", _bag.First().Message);
    }

    /// <summary>A file of the repository, found by walking up from the test's output folder.</summary>
    internal static string RepoFile(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
