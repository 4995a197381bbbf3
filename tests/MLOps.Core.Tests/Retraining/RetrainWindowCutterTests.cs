using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.Core.Retraining;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Data.Readers;
using MLOps.Core.Tests.Training;
using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Retraining;

public sealed class RetrainWindowCutterTests
{
    [Fact]
    public void Should_keep_the_rows_after_newest_minus_the_span_in_the_schema_format_When_the_data_is_csv_or_parquet()
    {
        // Given five months of flights (a row every 37 minutes), as CSV and as Parquet (typed timestamps)
        using var dir = new TempFolder("mlops-window");
        List<FlightRow> rows = FlightRow.Generate(6000);
        dir.Write("flights.csv", FlightRow.Csv(rows));
        FlightRow.WriteParquet(dir.PathOf("flights.parquet"), rows);
        dir.Write("schema.json", TestModels.FlightsSchema);

        // When the last month is cut from each
        RetrainLineage csv = Cut(dir, "flights.csv", "1 month", "csv-window");
        RetrainLineage parquet = Cut(dir, "flights.parquet", "1 month", "parquet-window");

        // Then the window is every row after newest - 1 month, written the same from either format
        DateTime newest = rows.Max(r => r.Date!.Value);
        int expected = rows.Count(r => r.Date > newest.AddMonths(-1));
        Assert.Equal((expected, "date", "1 month", newest.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), newest.AddMonths(-1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            (csv.Rows, csv.By, csv.Last, csv.Newest, csv.After));
        string text = File.ReadAllText(dir.Combine("csv-window", RetrainWindowCutter.DataFileName));
        Assert.Equal(text, File.ReadAllText(dir.Combine("parquet-window", RetrainWindowCutter.DataFileName)));
        Assert.Equal(expected, parquet.Rows);
        Assert.StartsWith("date,delay,distance,origin,destination\n" + rows.First(r => r.Date > newest.AddMonths(-1)).Date!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.Combine("csv-window", RetrainLineage.FileName)));
    }

    [Fact]
    public void Should_report_MLOPS7041_When_the_spec_has_no_retrain_section()
    {
        // Given a spec without retrain:
        using var dir = new TempFolder("mlops-window");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(dir.Write("model.yaml", TestModels.FlightsSpec()), bag)!;

        // When a window is asked for
        RetrainLineage? window = RetrainWindowCutter.Cut(spec, FlightRow.Schema, dir.PathOf("out"), bag);

        // Then MLOPS7041 and nothing is cut
        Assert.Null(window);
        Assert.Equal("MLOPS7041", Assert.Single(bag).Code);
    }

    [Fact]
    public void Should_report_MLOPS7040_When_the_by_column_has_no_value()
    {
        // Given data whose date column is empty on every row
        using var dir = new TempFolder("mlops-window");
        dir.Write("flights.csv", "date,delay,distance,origin,destination\n,3,100,ATL,SFO\n");
        dir.Write("schema.json", TestModels.FlightsSchema);

        // When the window is cut
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(dir.Write("model.yaml", TestModels.FlightsSpec() + "\nretrain:\n  window: { by: date, last: 2 months }\n"), bag)!;
        RetrainLineage? window = RetrainWindowCutter.Cut(spec, FlightRow.Schema, dir.PathOf("out"), bag);

        // Then MLOPS7040 at the retrain section
        Assert.Null(window);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(("MLOPS7040", 24), (d.Code, d.Line));
    }

    [Fact]
    public void Should_report_MLOPS7043_When_the_data_lacks_a_schema_column()
    {
        // Given retrain data without the destination column
        using var dir = new TempFolder("mlops-window");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("other.csv", "date,delay,distance,origin\n2001-01-01 10:00,3,100,ATL\n");
        dir.Write("schema.json", TestModels.FlightsSchema);

        // When the window is cut
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(dir.Write("model.yaml", TestModels.FlightsSpec() + "\nretrain:\n  data: other.csv\n  window: { by: date, last: 2 months }\n"), bag)!;
        RetrainLineage? window = RetrainWindowCutter.Cut(spec, FlightRow.Schema, dir.PathOf("out"), bag);

        // Then MLOPS7043 names the missing column
        Assert.Null(window);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal("MLOPS7043", d.Code);
        Assert.Contains("'destination'", d.Message, StringComparison.Ordinal);
    }

    private static RetrainLineage Cut(TempFolder dir, string data, string last, string output)
    {
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(dir.Write("model.yaml", TestModels.FlightsSpec() + $"\nretrain:\n  data: {data}\n  window: {{ by: date, last: {last} }}\n"), bag)!;
        RetrainLineage? window = RetrainWindowCutter.Cut(spec, FlightRow.Schema, dir.PathOf(output), bag);
        Assert.Empty(bag);
        return window!;
    }
}
