using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data.Inference;

public sealed class SchemaInferenceTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_infer_the_flights_columns_When_inferring_from_the_shipped_flights_data()
    {
        // Given the flights data the repository ships, and room for its 223 airports as categories
        string data = SchemaFileTests.RepoFile("data/flights/flights.csv");
        string[] airports = File.ReadLines(data).Skip(1).Select(l => l.Split(',')[3]).Distinct().Order(StringComparer.Ordinal).ToArray();

        // When a schema is inferred
        TableSchema schema = Infer(data, new InferenceOptions(MaxCategories: 300));

        // Then each column has its type, observed range or airport list, and none is nullable
        Assert.Empty(_bag);
        Assert.Equal(223, airports.Length);
        Assert.Equal(new ColumnSchema("date", ColumnType.DateTime, Format: "yyyy-MM-dd HH:mm"), schema.Columns[0]);
        Assert.Equal(new ColumnSchema("delay", ColumnType.Integer, Min: -66, Max: 1575), schema.Columns[1]);
        Assert.Equal(new ColumnSchema("distance", ColumnType.Integer, Min: 30, Max: 4962), schema.Columns[2]);
        foreach (ColumnSchema airport in schema.Columns.Skip(3))
        {
            Assert.Equal((ColumnType.Categorical, false, null, null), (airport.Type, airport.Nullable, airport.Min, airport.Format));
            Assert.Equal(airports, airport.Allowed);
        }
        Assert.Equal(["date", "delay", "distance", "origin", "destination"], schema.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Should_make_the_airports_free_text_When_the_flights_data_has_more_than_100_of_them()
    {
        // Given the flights data (223 distinct airports) and the default of 100 categories
        string data = SchemaFileTests.RepoFile("data/flights/flights.csv");

        // When a schema is inferred
        TableSchema schema = Infer(data);

        // Then origin and destination are free text, without an allowed list
        Assert.All(schema.Columns.Skip(3), c => Assert.Equal(new ColumnSchema(c.Name, ColumnType.Text), c));
    }

    [Fact]
    public void Should_mark_columns_nullable_and_keep_their_types_When_values_are_missing()
    {
        // Given a generated table where every other row lacks a number, a date and a category
        var rows = Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? $"{i},,,,x{i % 3}"
            : $"{i},{i * 0.5:0.0},2001-01-{1 + (i % 28):00},{(i % 7 == 0 ? "ATL" : "ORD")},x{i % 3}");
        string path = _temp.Write("d.csv", "id,score,day,origin,code\n" + string.Join('\n', rows) + "\n");

        // When a schema is inferred
        TableSchema schema = Infer(path);

        // Then the columns with gaps are nullable, with the type of the values that are there
        Assert.Equal(
            [
                new ColumnSchema("id", ColumnType.Integer, Min: 0, Max: 199),
                new ColumnSchema("score", ColumnType.Float, Nullable: true, Min: 0.5, Max: 99.5),
                new ColumnSchema("day", ColumnType.DateTime, Nullable: true, Format: "yyyy-MM-dd"),
                new ColumnSchema("origin", ColumnType.Categorical, Nullable: true),
                new ColumnSchema("code", ColumnType.Categorical),
            ],
            schema.Columns.Select(c => c with { Allowed = null }));
        Assert.Equal(["ATL", "ORD"], schema.Columns[3].Allowed);
        Assert.Equal(["x0", "x1", "x2"], schema.Columns[4].Allowed);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Should_list_allowed_values_only_up_to_the_category_limit_When_a_string_column_has_many_values(int distinct, bool listed)
    {
        // Given a string column with this many distinct values, each repeated
        string path = _temp.Write("d.csv", "name\n" + string.Concat(Enumerable.Range(0, distinct * 2).Select(i => $"v{i % distinct:000}\n")));

        // When a schema is inferred with the default limit of 100
        ColumnSchema column = Assert.Single(Infer(path).Columns);

        // Then up to 100 values are an allowed list (sorted ordinally), beyond that free text
        Assert.Equal(listed ? ColumnType.Categorical : ColumnType.Text, column.Type);
        Assert.Equal(listed ? Enumerable.Range(0, distinct).Select(i => $"v{i:000}") : null, column.Allowed);
    }

    [Fact]
    public void Should_sort_allowed_values_ordinally_When_they_differ_in_case()
    {
        // Given categories that sort differently by culture and by ordinal
        string path = _temp.Write("d.csv", "c\nb\nB\na\n\"A,1\"\nb\n");

        // When a schema is inferred
        ColumnSchema column = Assert.Single(Infer(path).Columns);

        // Then the list is in ordinal order, without duplicates
        Assert.Equal(["A,1", "B", "a", "b"], column.Allowed);
    }

    [Theory]
    [InlineData("true|false|TRUE|False", ColumnType.Boolean)]
    [InlineData("1|0|1|0", ColumnType.Boolean)]
    [InlineData("1|0|true|0", ColumnType.Boolean)]
    [InlineData("1|0|2", ColumnType.Integer)]
    [InlineData("1|2.5|-3", ColumnType.Float)]
    [InlineData("1e3|0.25|7", ColumnType.Float)]
    [InlineData("true|2", ColumnType.Categorical)]
    [InlineData("1|2|NaN", ColumnType.Categorical)]
    [InlineData("1|2|x", ColumnType.Categorical)]
    public void Should_pick_the_narrowest_type_that_parses_every_value_When_values_are_mixed(string values, ColumnType expected)
    {
        // Given a column with these values
        string path = _temp.Write("d.csv", "v\n" + values.Replace('|', '\n') + "\n");

        // When a schema is inferred
        ColumnSchema column = Assert.Single(Infer(path).Columns);

        // Then its type is the narrowest that holds them all
        Assert.Equal(expected, column.Type);
    }

    [Fact]
    public void Should_give_a_float_column_the_range_of_all_its_values_When_it_mixes_integers_and_floats()
    {
        // Given integers and floats in one column
        string path = _temp.Write("d.csv", "v\n3\n-2.5\n10\n0.125\n");

        // When a schema is inferred
        ColumnSchema column = Assert.Single(Infer(path).Columns);

        // Then it is a float column spanning both
        Assert.Equal(new ColumnSchema("v", ColumnType.Float, Min: -2.5, Max: 10), column);
    }

    [Theory]
    [InlineData("2001-01-01 06:00|2001-12-31 23:59", "yyyy-MM-dd HH:mm")]
    [InlineData("2001-01-01 06:00:00|2001-12-31 23:59:59", "yyyy-MM-dd HH:mm:ss")]
    [InlineData("2001-01-01 06:00:00.5|2001-12-31 23:59:59", "yyyy-MM-dd HH:mm:ss.FFFFFFF")]
    [InlineData("2001-01-01|2001-12-31", "yyyy-MM-dd")]
    [InlineData("2001-01-01T06:00:00Z|2001-12-31T23:59:59.1234567+02:00", null)]
    public void Should_detect_the_date_time_format_When_every_value_has_it(string values, string? format)
    {
        // Given a column of dates in one format
        string path = _temp.Write("d.csv", "when\n" + values.Replace('|', '\n') + "\n");

        // When a schema is inferred
        ColumnSchema column = Assert.Single(Infer(path).Columns);

        // Then it is a datetime column with that format (none for ISO 8601, the schema's default)
        Assert.Equal(new ColumnSchema("when", ColumnType.DateTime, Format: format), column);
    }

    [Fact]
    public void Should_make_a_column_a_string_When_its_dates_have_different_formats()
    {
        // Given dates with and without a time
        string path = _temp.Write("d.csv", "when\n2001-01-01\n2001-01-01 06:00\n");

        // When a schema is inferred
        ColumnSchema column = Assert.Single(Infer(path).Columns);

        // Then no single format holds them: a string column listing both
        Assert.Equal((ColumnType.Categorical, null), (column.Type, column.Format));
    }

    [Fact]
    public void Should_infer_a_nullable_string_When_a_column_is_always_empty()
    {
        // Given a column with no values at all
        string path = _temp.Write("d.csv", "a,b\n1,\n2,\n");

        // When a schema is inferred
        TableSchema schema = Infer(path);

        // Then it is a nullable string with no list
        Assert.Equal(new ColumnSchema("b", ColumnType.Categorical, Nullable: true), schema.Columns[1]);
    }

    [Fact]
    public void Should_return_the_same_schema_When_inferring_twice()
    {
        // Given a data file
        string path = _temp.Write("d.csv", "a,b,c\n1,x,2001-01-01\n2,y,\n3,x,2001-01-03\n");

        // When a schema is inferred twice
        string first = SchemaWriter.Serialize(Infer(path));
        string second = SchemaWriter.Serialize(Infer(path));

        // Then the results are identical
        Assert.Equal(first, second);
    }

    private TableSchema Infer(string path, InferenceOptions? options = null)
    {
        TableSchema? schema = SchemaInference.Infer(path, _bag, options);
        Assert.Empty(_bag);
        return Assert.IsType<TableSchema>(schema);
    }
}
