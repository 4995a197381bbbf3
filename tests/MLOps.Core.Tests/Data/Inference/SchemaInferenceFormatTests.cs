using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Parquet.Serialization;
using Xunit;

namespace MLOps.Core.Tests.Data.Inference;

public sealed class SchemaInferenceFormatTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_infer_types_nulls_and_categories_When_the_data_is_JSON_Lines()
    {
        // Given JSON objects with numbers, booleans, text dates, a null and an absent property
        string path = _temp.Write("d.jsonl",
            """
            {"id": 1, "score": 0.5, "ok": true, "when": "2001-01-01 06:00", "origin": "ATL"}
            {"id": 2, "score": 2, "ok": false, "when": "2001-01-02 07:30", "origin": null}
            {"id": 3, "ok": true, "when": "2001-01-03 08:45", "origin": "ORD"}

            """);

        // When a schema is inferred
        TableSchema? schema = SchemaInference.Infer(path, _bag);

        // Then the columns are typed from the values as CSV text would be
        Assert.Empty(_bag);
        Assert.Equal(
            [
                new ColumnSchema("id", ColumnType.Integer, Min: 1, Max: 3),
                new ColumnSchema("score", ColumnType.Float, Nullable: true, Min: 0.5, Max: 2),
                new ColumnSchema("ok", ColumnType.Boolean),
                new ColumnSchema("when", ColumnType.DateTime, Format: "yyyy-MM-dd HH:mm"),
                new ColumnSchema("origin", ColumnType.Categorical, Nullable: true),
            ],
            schema!.Columns.Select(c => c with { Allowed = null }));
        Assert.Equal(["ATL", "ORD"], schema.Columns[4].Allowed);
    }

    [Fact]
    public async Task Should_keep_typed_columns_When_the_data_is_Parquet()
    {
        // Given a Parquet file with an int column holding only 0 and 1, booleans, timestamps and nullable strings
        string path = _temp.PathOf("d.parquet");
        await ParquetSerializer.SerializeAsync(
            new[]
            {
                new Row { flag = 0, ok = true, when = new DateTime(2001, 1, 1, 6, 0, 0), origin = "ATL" },
                new Row { flag = 1, ok = false, when = new DateTime(2001, 1, 2), origin = null },
                new Row { flag = 1, ok = true, when = new DateTime(2001, 1, 3, 8, 45, 30), origin = "ORD" },
            },
            path);

        // When a schema is inferred
        TableSchema? schema = SchemaInference.Infer(path, _bag);

        // Then a typed 0/1 stays an integer, and timestamps are ISO 8601 (no format)
        Assert.Empty(_bag);
        Assert.Equal(
            [
                new ColumnSchema("flag", ColumnType.Integer, Min: 0, Max: 1),
                new ColumnSchema("ok", ColumnType.Boolean),
                new ColumnSchema("when", ColumnType.DateTime),
                new ColumnSchema("origin", ColumnType.Categorical, Nullable: true),
            ],
            schema!.Columns.Select(c => c with { Allowed = null }));
        Assert.Equal(["ATL", "ORD"], schema.Columns[3].Allowed);
    }

    // Lower-case properties: the Parquet column names, as a data file would have them.
    private sealed class Row
    {
        public int flag { get; set; }

        public bool ok { get; set; }

        public DateTime when { get; set; }

        public string? origin { get; set; }
    }
}
