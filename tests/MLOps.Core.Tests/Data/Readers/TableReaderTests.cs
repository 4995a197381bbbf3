using MLOps.Core.Data.Readers;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data.Readers;

public sealed class TableReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("d.csv", TableFormat.Csv)]
    [InlineData("d.TSV", TableFormat.Csv)]
    [InlineData("d.txt", TableFormat.Csv)]
    [InlineData("d.parquet", TableFormat.Parquet)]
    [InlineData("d.jsonl", TableFormat.JsonLines)]
    [InlineData("d.ndjson", TableFormat.JsonLines)]
    public void Should_pick_the_format_by_extension_When_a_file_is_opened(string name, TableFormat expected) =>
        Assert.Equal(expected, TableReader.FormatOf(name));

    [Fact]
    public void Should_split_on_tabs_When_the_file_is_tsv()
    {
        // Given a tab-separated file with a comma inside a value
        string path = _temp.Write("d.tsv", "a\tb\n1,5\tx\n");

        // When it is read
        using ITableReader reader = TableReader.Open(path, _bag);

        // Then tabs separate and commas are data
        Assert.Equal(["a", "b"], reader.Columns);
        Assert.True(reader.Read());
        Assert.Equal(("1,5", "x", 2L), (reader[0].ToString(), reader[1].ToString(), reader.Location));
    }

    [Fact]
    public void Should_read_the_requested_columns_by_name_When_reading_json_lines()
    {
        // Given objects with properties in any order, a null, an absent property, an escape, a nested value and an extra property
        string path = _temp.Write("d.jsonl",
            "{\"b\": 2.50, \"a\": \"x\\u00e9\", \"extra\": {\"deep\": [1]}}\n\n" +
            "{\"a\": null, \"c\": true, \"b\": -1e3}\r\n" +
            "{\"c\": [1, 2]}");

        // When it is read with columns a, b, c
        using ITableReader reader = TableReader.Open(path, _bag, new TableReaderOptions { Columns = ["a", "b", "c"] });
        var records = new List<string>();
        while (reader.Read())
        {
            records.Add($"{reader.Location}:{reader[0]}|{reader[1]}|{reader[2]}|{reader.IsTypedValue(0)}{reader.IsTypedValue(1)}{reader.IsTypedValue(2)}");
        }

        // Then strings are unescaped text, numbers keep their spelling, nested values are raw JSON, nulls and absent properties are empty, and blank lines are skipped
        Assert.Empty(_bag);
        Assert.Equal(["1:xé|2.50||FalseTrueFalse", "3:|-1e3|true|FalseTrueTrue", "4:||[1, 2]|FalseFalseFalse"], records);
    }

    [Fact]
    public void Should_take_the_first_objects_properties_as_columns_When_no_columns_are_given()
    {
        // Given a JSON Lines file read without a column list
        string path = _temp.Write("d.jsonl", "{\"x\": 1, \"y\": \"a\"}\n{\"y\": \"b\", \"z\": 3}\n");

        // When it is read
        using ITableReader reader = TableReader.Open(path, _bag);
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader[0]}|{reader[1]}");
        }

        // Then the first object names the columns, and later objects fill them by name
        Assert.Equal(["x", "y"], reader.Columns);
        Assert.Equal(["1|a", "|b"], rows);
    }

    [Fact]
    public void Should_render_typed_values_invariantly_row_group_by_row_group_When_reading_parquet()
    {
        // Given 450 flights written as Parquet in row groups of 200
        List<FlightRow> rows = FlightRow.Generate(450);
        string path = _temp.PathOf("d.parquet");
        FlightRow.WriteParquet(path, rows);

        // When it is read
        using ITableReader reader = TableReader.Open(path, _bag);
        var read = new List<(long, string, string, string, string, string)>();
        while (reader.Read())
        {
            read.Add((reader.Location, reader[0].ToString(), reader[1].ToString(), reader[2].ToString(), reader[3].ToString(), reader[4].ToString()));
        }

        // Then every row comes back, numbered from 1, with ISO timestamps, invariant numbers and empty nulls
        Assert.Empty(_bag);
        Assert.Equal(["date", "delay", "distance", "origin", "destination"], reader.Columns);
        Assert.Equal(
            rows.Select((r, i) => ((long)i + 1, $"{r.Date:yyyy-MM-ddTHH:mm:ss}", $"{r.Delay}", $"{r.Distance}", r.Origin, r.Destination ?? "")),
            read);
        Assert.True(reader.IsTypedValue(0));
        Assert.False(reader.IsTypedValue(3));
    }

    [Fact]
    public void Should_read_only_the_requested_parquet_columns_When_columns_are_given()
    {
        // Given a Parquet file
        string path = _temp.PathOf("d.parquet");
        FlightRow.WriteParquet(path, FlightRow.Generate(3));

        // When only "origin" is requested
        using ITableReader reader = TableReader.Open(path, _bag, new TableReaderOptions { Columns = ["origin"] });
        reader.Read();

        // Then every column is listed, and the others read as empty
        Assert.Equal(5, reader.FieldCount);
        Assert.Equal(FlightRow.Generate(3)[0].Origin, reader[3].ToString());
        Assert.True(reader[0].IsEmpty);
    }
}
