using MLOps.Core.Diagnostics;
using MLOps.Core.Drift;
using MLOps.Core.Drift.Columns;
using Xunit;

namespace MLOps.Core.Tests.Drift;

/// <summary>Every drift engine code (MLOPS7001-7016), each from the input that causes it; never an exception.</summary>
public sealed class DriftDiagnosticsTests
{
    private static readonly DriftReference Small = new DriftReferenceBuilder()
        .AddNumeric("distance", [100, 200, 300, 400, 500, 600, 700])
        .AddCategorical("origin", ["SFO", "LAX", "SFO", "JFK", "SFO", "LAX", "ORD"])
        .Build();

    [Fact]
    public void Should_report_MLOPS7001_When_the_reference_file_does_not_exist()
    {
        var bag = new DiagnosticBag();
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "drift-reference.json");

        Assert.Null(DriftReference.Load(path, bag));

        Diagnostic d = Assert.Single(bag);
        Assert.Equal((Codes.DriftReferenceUnreadable, path), (d.Code, d.File));
    }

    [Theory]
    [InlineData("{\"profile_version\": 2, \"rows\": 10, \"columns\": []}", "a data profile (profile.json)")]
    [InlineData("date,distance\n2001-01-01,337\n", "not valid JSON")]
    [InlineData("[1, 2]", "a JSON array")]
    [InlineData("{\"format\": \"other\"}", "\"format\": \"other\"")]
    public void Should_report_MLOPS7002_naming_what_was_found_When_the_file_is_not_a_drift_reference(string text, string found)
    {
        var bag = new DiagnosticBag();

        Assert.Null(DriftReference.Parse(text, "model/profile.json", bag));

        Diagnostic d = Assert.Single(bag);
        Assert.Equal((Codes.DriftReferenceNotReference, "model/profile.json"), (d.Code, d.File));
        Assert.True(d.Message.Contains(found, StringComparison.Ordinal), d.Message);
        Assert.Contains("mlops-drift-reference", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("\"1\"")]
    public void Should_report_MLOPS7003_When_the_reference_has_another_version(string version)
    {
        string json = Small.ToJson().Replace("\"version\": 1", $"\"version\": {version}", StringComparison.Ordinal);

        AssertCode(Codes.DriftReferenceVersion, bag => DriftReference.Parse(json, "r.json", bag));
    }

    [Fact]
    public void Should_report_MLOPS7002_When_a_value_has_the_wrong_type()
    {
        string json = Small.ToJson().Replace("\"kind\": \"numeric\"", "\"kind\": \"ordinal\"", StringComparison.Ordinal);

        Diagnostic d = AssertCode(Codes.DriftReferenceNotReference, bag => { DriftReference.Parse(json, "r.json", bag); return Assert.Single(bag); });

        Assert.Contains("wrong type", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("values out of order")]
    [InlineData("counts that do not add up")]
    public void Should_report_MLOPS7004_and_keep_the_other_columns_When_a_column_is_inconsistent(string problem)
    {
        DriftColumn distance = Small.Columns[0];
        DriftColumn broken = problem == "values out of order" ? distance with { Values = [.. distance.Values!.Reverse()] } : distance with { Count = distance.Count + 1 };
        string json = (Small with { Columns = [broken, Small.Columns[1]] }).ToJson();
        var bag = new DiagnosticBag();

        DriftReference? loaded = DriftReference.Parse(json, "r.json", bag);

        Assert.Equal(Codes.DriftReferenceColumnInvalid, Assert.Single(bag).Code);
        Assert.Equal(["origin"], loaded!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Should_report_MLOPS7005_When_a_reference_column_is_missing_from_the_current_data()
    {
        DriftReference current = new DriftReferenceBuilder().AddNumeric("distance", [1, 2, 3]).Build();

        DriftReport report = AssertCode(Codes.DriftColumnMissing, bag => DriftDetector.Compare(Small, current, new DriftOptions(), bag));

        Assert.Equal(["distance"], report.Columns.Select(c => c.Name)); // the rest is still compared
    }

    [Fact]
    public void Should_report_MLOPS7006_When_a_column_is_numeric_on_one_side_and_categorical_on_the_other()
    {
        DriftReference current = new DriftReferenceBuilder().AddCategorical("distance", ["337"]).AddCategorical("origin", ["SFO"]).Build();

        AssertCode(Codes.DriftKindMismatch, bag => DriftDetector.Compare(Small, current, new DriftOptions(), bag));
    }

    [Fact]
    public void Should_report_MLOPS7007_listing_the_methods_When_a_method_is_unknown()
    {
        Diagnostic d = Single(Codes.DriftUnknownMethod, Options(("distance", new ColumnDriftOption("kolmogorov", null))));

        Assert.Contains("ks, chisquare, wasserstein, jensenshannon, psi", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ks", 1.5)]
    [InlineData("chisquare", 0.0)]
    [InlineData("wasserstein", -0.1)]
    [InlineData("psi", double.PositiveInfinity)]
    public void Should_report_MLOPS7008_When_a_threshold_is_out_of_range(string method, double threshold) =>
        Single(Codes.DriftThresholdOutOfRange, Options(("distance", new ColumnDriftOption(method, threshold))));

    [Fact]
    public void Should_report_MLOPS7008_for_the_default_method_When_a_small_reference_gets_a_threshold_above_1() =>
        Single(Codes.DriftThresholdOutOfRange, Options(("distance", new ColumnDriftOption(null, 2))));

    [Fact]
    public void Should_report_MLOPS7009_When_ks_is_asked_for_on_a_categorical_column() =>
        Single(Codes.DriftMethodNotApplicable, Options(("origin", new ColumnDriftOption("ks", null))));

    [Fact]
    public void Should_report_MLOPS7010_When_the_current_data_has_no_rows() =>
        AssertCode(Codes.DriftCurrentEmpty, bag => DriftDetector.Compare(Small, new DriftReferenceBuilder().Build(), new DriftOptions(), bag));

    [Fact]
    public void Should_report_MLOPS7011_When_the_reference_has_no_rows() =>
        AssertCode(Codes.DriftReferenceEmpty, bag => DriftDetector.Compare(new DriftReferenceBuilder().Build(), Small, new DriftOptions(), bag));

    [Fact]
    public void Should_warn_MLOPS7012_and_skip_the_column_When_it_has_no_values_on_one_side()
    {
        DriftReference current = new DriftReferenceBuilder().AddNumeric("distance", [double.NaN, double.NaN]).AddCategorical("origin", ["SFO", "LAX"]).Build();
        var bag = new DiagnosticBag();

        DriftReport report = DriftDetector.Compare(Small, current, new DriftOptions(), bag);

        Diagnostic d = Assert.Single(bag);
        Assert.Equal((Codes.DriftColumnNoValues, Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(["origin"], report.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Should_warn_MLOPS7013_When_an_option_names_no_reference_column()
    {
        var bag = new DiagnosticBag();

        DriftDetector.Compare(Small, Small, Options(("distnace", new ColumnDriftOption(null, 0.01))), bag);

        Diagnostic d = Assert.Single(bag);
        Assert.Equal((Codes.DriftOptionUnknownColumn, Severity.Warning), (d.Code, d.Severity));
        Assert.Contains("distance, origin", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Should_report_MLOPS7014_When_the_dataset_share_is_out_of_range(double share) =>
        Single(Codes.DriftShareOutOfRange, new DriftOptions { DatasetShare = share });

    [Fact]
    public void Should_report_MLOPS7015_When_chisquare_is_asked_for_on_a_grid_column()
    {
        DriftReference grid = new DriftReferenceBuilder { ExactValuesLimit = 10 }.AddNumeric("x", [.. Enumerable.Range(0, 50).Select(i => (double)i)]).Build();

        AssertCode(Codes.DriftMethodNeedsExactValues, bag => DriftDetector.Compare(grid, grid,
            new DriftOptions { Columns = new Dictionary<string, ColumnDriftOption> { ["x"] = new("chisquare", null) } }, bag));
    }

    [Fact]
    public void Should_report_MLOPS7016_When_no_column_can_be_compared()
    {
        DriftReference current = new DriftReferenceBuilder().AddNumeric("distance", [double.NaN]).AddCategorical("origin", [null]).Build();
        var bag = new DiagnosticBag();

        DriftReport report = DriftDetector.Compare(Small, current, new DriftOptions(), bag);

        Assert.Contains(bag, d => d.Code == Codes.DriftNothingCompared);
        Assert.False(report.DatasetDrift);
        Assert.Empty(report.Columns);
    }

    private static DriftOptions Options(params (string Column, ColumnDriftOption Option)[] options) =>
        new() { Columns = options.ToDictionary(o => o.Column, o => o.Option) };

    private static Diagnostic Single(string code, DriftOptions options)
    {
        var bag = new DiagnosticBag();
        DriftDetector.Compare(Small, Small, options, bag);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(code, d.Code);
        return d;
    }

    private static T AssertCode<T>(string code, Func<DiagnosticBag, T> act)
    {
        var bag = new DiagnosticBag();
        T result = act(bag);
        Assert.Equal(code, Assert.Single(bag).Code);
        return result;
    }
}
