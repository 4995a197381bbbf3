using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data.Inference;

public sealed class SchemaWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_reproduce_the_shipped_schema_byte_for_byte_When_writing_what_was_loaded_from_it()
    {
        // Given the flights schema the repository ships
        string path = SchemaFileTests.RepoFile("data/flights/schema.json");
        TableSchema schema = SchemaFile.Load(path, _bag)!;

        // When it is written back
        string written = SchemaWriter.Serialize(schema);

        // Then the layout is the file's own: same keys, order, indents and one-line lists
        Assert.Equal(File.ReadAllText(path), written);
    }

    [Fact]
    public void Should_write_every_setting_in_the_schema_order_When_a_column_uses_them_all()
    {
        // Given columns using nullable, min/max, a format and an allowed list with characters to escape
        var schema = new TableSchema(
        [
            new ColumnSchema("score", ColumnType.Float, Nullable: true, Min: -0.5, Max: 1e20),
            new ColumnSchema("when", ColumnType.DateTime, Nullable: true, Format: "yyyy-MM-dd"),
            new ColumnSchema("say \"hi\"", ColumnType.Categorical, Allowed: ["a\\b", "é"]),
        ], "x.csv");

        // When it is written
        string written = SchemaWriter.Serialize(schema);

        // Then settings follow name and type in a fixed order, and strings are JSON-escaped
        Assert.Equal(
            """
            {
              "columns": [
                {
                  "name": "score",
                  "type": "float",
                  "nullable": true,
                  "min": -0.5,
                  "max": 1E+20
                },
                {
                  "name": "when",
                  "type": "datetime",
                  "nullable": true,
                  "format": "yyyy-MM-dd"
                },
                {
                  "name": "say \"hi\"",
                  "type": "categorical",
                  "allowed": ["a\\b", "é"]
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            written);
    }

    [Fact]
    public void Should_validate_the_same_data_without_diagnostics_When_an_inferred_schema_is_written_and_read_back()
    {
        // Given data with gaps, floats, booleans, dates, categories and free text, and the flights data
        string generated = _temp.Write("d.csv", "id,score,ok,when,origin,note\n" + string.Concat(Enumerable.Range(0, 300).Select(i =>
            $"{i},{(i % 5 == 0 ? "" : (i * 1.25).ToString(System.Globalization.CultureInfo.InvariantCulture))},{i % 2 == 0},2001-02-{1 + (i % 28):00}T{i % 24:00}:00:00Z,{(i % 3 == 0 ? "ATL" : "\"S,F\"")},note {i}\n")));
        foreach (string data in new[] { generated, SchemaFileTests.RepoFile("data/flights/flights.csv") })
        {
            string schemaPath = _temp.PathOf($"{Path.GetFileNameWithoutExtension(data)}.schema.json");

            // When a schema is inferred, written, loaded and used to validate the data it came from
            SchemaWriter.Write(schemaPath, SchemaInference.Infer(data, _bag)!);
            TableSchema loaded = SchemaFile.Load(schemaPath, _bag)!;
            ValidationReport report = DataValidator.Validate(data, loaded, _bag);

            // Then every row passes
            Assert.Empty(_bag);
            Assert.True(report.IsValid);
            Assert.True(report.RowsRead > 0);
        }
    }
}
