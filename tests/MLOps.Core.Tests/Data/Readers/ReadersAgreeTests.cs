using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data.Readers;

public sealed class ReadersAgreeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_count_the_same_rows_and_violations_When_the_same_data_is_csv_jsonl_and_parquet()
    {
        // Given 500 flights with nulls and four bad values injected at rows 10, 20, 30 and 40, in all three formats
        string[] paths = WriteAllFormats(Injected(FlightRow.Generate(500)));

        // When each is validated against the same schema
        var results = paths.Select(path => (Bag: new DiagnosticBag(), Path: path)).ToArray();
        ValidationReport[] reports = [.. results.Select(r => DataValidator.Validate(r.Path, FlightRow.Schema, r.Bag))];

        // Then rows, counts and codes agree, and each names the record its own way (CSV lines start after the header)
        var expected = new Dictionary<string, long>
        {
            [Codes.ValueAboveMaximum] = 1, [Codes.ValueBelowMinimum] = 1, [Codes.ValueNotAllowed] = 1, [Codes.ValueMissing] = 1,
        };
        Assert.All(reports, r => Assert.Equal((500L, 4L), (r.RowsRead, r.ErrorCount)));
        Assert.All(reports, r => Assert.Equal(expected.OrderBy(p => p.Key), r.ErrorsByCode.OrderBy(p => p.Key)));
        Assert.Equal([(Codes.ValueAboveMaximum, 11, 2), (Codes.ValueBelowMinimum, 21, 3), (Codes.ValueNotAllowed, 31, 4), (Codes.ValueMissing, 41, 3)], Locations(results[0].Bag));
        Assert.Equal([(Codes.ValueAboveMaximum, 10, 2), (Codes.ValueBelowMinimum, 20, 3), (Codes.ValueNotAllowed, 30, 4), (Codes.ValueMissing, 40, 3)], Locations(results[1].Bag));
        Assert.Equal(Locations(results[1].Bag), Locations(results[2].Bag));
        Assert.All(results[2].Bag, d => Assert.StartsWith($"row {d.Line}: column '", d.Message));
    }

    [Fact]
    public void Should_load_the_same_values_When_the_same_data_is_csv_jsonl_and_parquet()
    {
        // Given 500 valid flights with nulls in all three formats
        string[] paths = WriteAllFormats(FlightRow.Generate(500));
        var ml = new MLContext(seed: 1);

        // When each is loaded
        string[] columns = ["date", "delay", "distance", "origin", "destination"];
        var tables = paths.Select(path => Columns(TableLoader.Load(ml, path, FlightRow.Schema, columns))).ToArray();

        // Then every column holds the same values (missing numbers are NaN, missing text is empty)
        Assert.Equal(500, tables[0]["origin"].Count);
        Assert.Contains(float.NaN, tables[0]["delay"].Cast<float>());
        Assert.Contains("", tables[0]["destination"].Cast<string>());
        foreach (string column in columns)
        {
            Assert.Equal(tables[0][column], tables[1][column]);
            Assert.Equal(tables[0][column], tables[2][column]);
        }
    }

    private string[] WriteAllFormats(List<FlightRow> rows)
    {
        string parquet = _temp.PathOf("flights.parquet");
        FlightRow.WriteParquet(parquet, rows);
        return [_temp.Write("flights.csv", FlightRow.Csv(rows)), _temp.Write("flights.jsonl", FlightRow.JsonLines(rows)), parquet];
    }

    private static List<FlightRow> Injected(List<FlightRow> rows)
    {
        rows[9] = rows[9] with { Delay = 9999 };
        rows[19] = rows[19] with { Distance = 0 };
        rows[29] = rows[29] with { Origin = "XXX" };
        rows[39] = rows[39] with { Distance = null };
        return rows;
    }

    private static (string, int, int)[] Locations(DiagnosticBag bag) => [.. bag.Select(d => (d.Code, d.Line, d.Column))];

    private static Dictionary<string, List<object>> Columns(IDataView view)
    {
        var values = view.Schema.ToDictionary(c => c.Name, _ => new List<object>());
        using DataViewRowCursor cursor = view.GetRowCursor(view.Schema);
        var getters = view.Schema.Select(c => c.Type.RawType switch
        {
            Type t when t == typeof(float) => Getter<float>(cursor, c, v => v),
            Type t when t == typeof(DateTime) => Getter<DateTime>(cursor, c, v => v),
            _ => Getter<ReadOnlyMemory<char>>(cursor, c, v => v.ToString()),
        }).ToArray();
        while (cursor.MoveNext())
        {
            foreach ((string name, Func<object> get) in getters)
            {
                values[name].Add(get());
            }
        }
        return values;
    }

    private static (string, Func<object>) Getter<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Func<T, object> box)
    {
        ValueGetter<T> getter = cursor.GetGetter<T>(column);
        return (column.Name, () =>
        {
            T value = default!;
            getter(ref value);
            return box(value!);
        });
    }
}
