using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Data;

public sealed class TableLoaderTests : IDisposable
{
    private static readonly string[] Airports = ["ATL", "SFO", "ORD", "JFK", "LAX", "DEN"];

    private static readonly TableSchema Schema = new(
    [
        new ColumnSchema("date", ColumnType.DateTime, Format: "yyyy-MM-dd HH:mm"),
        new ColumnSchema("delay", ColumnType.Integer),
        new ColumnSchema("distance", ColumnType.Float),
        new ColumnSchema("origin", ColumnType.Categorical),
        new ColumnSchema("destination", ColumnType.Categorical),
        new ColumnSchema("late", ColumnType.Boolean),
    ], "schema.json");

    private readonly TempFolder _temp = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_type_each_column_by_the_schema_When_loading_flights_like_rows()
    {
        // Given flights-like rows, one of them with bad or missing values
        string path = _temp.Write("flights.csv",
            "date,delay,distance,origin,destination,late,ignored\n" +
            "2001-01-01 06:00,33,2176.5,LAS,PHL,true,x\n" +
            "2001-01-01 06:05,abc,,ATL,\"A,B\",0,y\n" +
            "bad-date,-4,1e3,,LAS,1,z\n");

        // When every schema column is loaded
        IDataView view = TableLoader.Load(_ml, path, Schema, ["date", "delay", "distance", "origin", "destination", "late"]);

        // Then the types follow the schema and bad values read as missing
        Assert.Equal(3, view.GetRowCount());
        Assert.Equal(
            [DateTimeDataViewType.Instance, NumberDataViewType.Single, NumberDataViewType.Single, TextDataViewType.Instance, TextDataViewType.Instance, BooleanDataViewType.Instance],
            view.Schema.Select(c => c.Type));
        Row[] rows = [.. _ml.Data.CreateEnumerable<Row>(view, reuseRowObject: false)];
        Assert.Equal(new Row { date = new DateTime(2001, 1, 1, 6, 0, 0), delay = 33, distance = 2176.5f, origin = "LAS", destination = "PHL", late = true }, rows[0]);
        Assert.Equal(new Row { date = new DateTime(2001, 1, 1, 6, 5, 0), delay = float.NaN, distance = float.NaN, origin = "ATL", destination = "A,B", late = false }, rows[1]);
        Assert.Equal(new Row { date = default, delay = -4, distance = 1000, origin = "", destination = "LAS", late = true }, rows[2]);
    }

    [Fact]
    public void Should_load_only_the_requested_columns_and_share_repeated_strings_When_columns_are_chosen()
    {
        // Given many rows over a few airports
        string path = WriteFlights(200);

        // When two columns are loaded
        IDataView view = TableLoader.Load(_ml, path, Schema, ["origin", "delay"]);

        // Then only they are in the view, and equal strings are the same memory, not copies
        Assert.Equal(["origin", "delay"], view.Schema.Select(c => c.Name));
        var origins = new List<ReadOnlyMemory<char>>();
        using (DataViewRowCursor cursor = view.GetRowCursor(view.Schema))
        {
            ValueGetter<ReadOnlyMemory<char>> getter = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["origin"]);
            ReadOnlyMemory<char> value = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                origins.Add(value);
            }
        }
        Assert.Equal(200, origins.Count);
        var backing = origins.Select(m => MemoryMarshal.TryGetString(m, out string? s, out _, out _) ? s : null).ToList();
        Assert.Equal(Airports.Length, backing.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void Should_fit_and_evaluate_a_LightGbm_model_When_the_view_goes_through_a_real_pipeline()
    {
        // Given flights-like rows where long flights are late
        string path = WriteFlights(2000);
        IDataView data = TableLoader.Load(_ml, path, Schema, ["date", "distance", "origin", "destination", "late"]);

        // When it is split, encoded and used to train LightGbm
        DataOperationsCatalog.TrainTestData split = _ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
        var pipeline = _ml.Transforms.Categorical.OneHotEncoding([new("origin"), new("destination")])
            .Append(_ml.Transforms.Concatenate("Features", "distance", "origin", "destination"))
            .Append(_ml.BinaryClassification.Trainers.LightGbm(labelColumnName: "late", numberOfIterations: 20));
        ITransformer model = pipeline.Fit(split.TrainSet);
        CalibratedBinaryClassificationMetrics metrics = _ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), labelColumnName: "late");

        // Then the model learned the signal
        Assert.InRange(metrics.AreaUnderRocCurve, 0.7, 1.0); // The label is noisy: about 0.76 is the best possible.
    }

    [Fact]
    public void Should_throw_InvalidDataException_When_a_requested_column_is_not_in_the_header()
    {
        // Given data without a "late" column, which validation would have reported
        string path = _temp.Write("d.csv", "delay\n5\n");

        // When "late" is requested
        var e = Assert.Throws<InvalidDataException>(() => TableLoader.Load(_ml, path, Schema, ["late"]));

        // Then the message names the file and the column
        Assert.Equal($"{path}: the header has no column 'late'. Validate the data before loading it.", e.Message);
    }

    private string WriteFlights(int rows)
    {
        var random = new Random(7);
        var lines = new List<string> { "date,delay,distance,origin,destination,late" };
        for (int i = 0; i < rows; i++)
        {
            int distance = random.Next(100, 3000);
            int delay = random.Next(-10, 30) + (distance > 1500 ? 20 : 0);
            DateTime date = new DateTime(2001, 1, 1).AddMinutes(i * 7);
            lines.Add($"{date:yyyy-MM-dd HH:mm},{delay},{distance},{Airports[i % Airports.Length]},{Airports[(i / 3) % Airports.Length]},{(delay > 15 ? "true" : "false")}");
        }
        return _temp.Write("flights.csv", string.Join("\n", lines) + "\n");
    }

    // Field names match the column names, as ML.NET maps them by name.
#pragma warning disable IDE1006
    private sealed record Row
    {
        public DateTime date { get; set; }
        public float delay { get; set; }
        public float distance { get; set; }
        public string origin { get; set; } = "";
        public string destination { get; set; } = "";
        public bool late { get; set; }
    }
#pragma warning restore IDE1006
}
