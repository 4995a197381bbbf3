using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Drift;
using Xunit;

namespace MLOps.Core.Tests.Drift;

public sealed class DriftDetectorTests
{
    [Fact]
    public void Should_test_with_ks_and_chisquare_at_p_0_05_When_the_reference_has_at_most_1000_rows()
    {
        // Given a 500-row reference: a spread number, a number with 3 values, a category
        DriftReference reference = Table(500, seed: 1, shift: 0);
        DriftReference current = Table(400, seed: 2, shift: 3);

        DriftReport report = Compare(reference, current, new DriftOptions());

        Assert.Equal(("ks", 0.05), Method(report, "distance"));
        Assert.Equal(("chisquare", 0.05), Method(report, "stops"));
        Assert.Equal(("chisquare", 0.05), Method(report, "origin"));
        Assert.True(Column(report, "distance").Drifted); // shifted by 3 standard deviations
        Assert.True(Column(report, "distance").Value < 0.05); // the value is the p-value
    }

    [Fact]
    public void Should_measure_with_normed_wasserstein_and_jensenshannon_at_0_1_When_the_reference_is_larger()
    {
        DriftReference reference = Table(5_000, seed: 1, shift: 0);
        DriftReference current = Table(5_000, seed: 2, shift: 0);

        DriftReport report = Compare(reference, current, new DriftOptions());

        Assert.Equal(("wasserstein", 0.1), Method(report, "distance"));
        Assert.Equal(("jensenshannon", 0.1), Method(report, "stops")); // 3 distinct values: compared as categories
        Assert.Equal(("jensenshannon", 0.1), Method(report, "origin"));
        Assert.False(report.DatasetDrift); // same distribution, large samples: effect sizes stay small
        Assert.Equal(0, report.Drifted);
    }

    [Fact]
    public void Should_report_every_statistic_for_every_column_When_compared()
    {
        DriftReport report = Compare(Table(2_000, 1, 0), Table(2_000, 2, 0.5), new DriftOptions());

        DriftStatistics numeric = Column(report, "distance").Statistics;
        Assert.NotNull(numeric.Ks);
        Assert.NotNull(numeric.Wasserstein);
        Assert.NotNull(numeric.JensenShannon);
        Assert.NotNull(numeric.Psi);
        Assert.NotNull(numeric.ChiSquare);
        DriftStatistics categorical = Column(report, "origin").Statistics;
        Assert.Null(categorical.Ks);
        Assert.Null(categorical.Wasserstein);
        Assert.NotNull(categorical.ChiSquare);
        Assert.All(report.Columns, c => Assert.True(c.Exact));
        Assert.All(report.Columns, c => Assert.Null(c.Bound));
    }

    [Fact]
    public void Should_use_the_column_s_method_and_threshold_When_overridden()
    {
        var options = new DriftOptions
        {
            Columns = new Dictionary<string, ColumnDriftOption>
            {
                ["distance"] = new("psi", 0.2),
                ["origin"] = new(null, 0.5),
            },
        };

        DriftReport report = Compare(Table(5_000, 1, 0), Table(5_000, 2, 0.5), options);

        ColumnDrift distance = Column(report, "distance");
        Assert.Equal(("psi", 0.2), (distance.Method, distance.Threshold));
        Assert.Equal(distance.Statistics.Psi!.Value, distance.Value);
        Assert.Equal(distance.Value >= 0.2, distance.Drifted);
        Assert.Equal(("jensenshannon", 0.5), Method(report, "origin"));
    }

    [Theory]
    [InlineData(0.5, true)]  // 2 of 3 columns drift
    [InlineData(0.7, false)]
    public void Should_call_the_dataset_drifted_When_at_least_the_share_of_columns_drift(double share, bool drifted)
    {
        // Given a current set where the number columns move and the category does not
        DriftReport report = Compare(Table(5_000, 1, 0), Table(5_000, 2, 2, stopsShift: 1), new DriftOptions { DatasetShare = share });

        Assert.Equal(2, report.Drifted);
        Assert.Equal(2.0 / 3, report.Share, 12);
        Assert.Equal(drifted, report.DatasetDrift);
    }

    [Fact]
    public void Should_leave_out_the_prediction_columns_When_prediction_is_off()
    {
        DriftReference reference = new DriftReferenceBuilder().AddNumeric("x", [1, 2, 3, 4, 5, 6, 7]).AddNumeric("prediction.Probability", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]).Build();

        DriftReport on = Compare(reference, reference, new DriftOptions());
        DriftReport off = Compare(reference, reference, new DriftOptions { Prediction = false });

        Assert.Equal(["x", "prediction.Probability"], on.Columns.Select(c => c.Name));
        Assert.Equal(["x"], off.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Should_write_the_report_with_the_shared_json_names_When_serialised()
    {
        DriftReport report = Compare(Table(300, 1, 0), Table(300, 2, 1), new DriftOptions());

        using JsonDocument json = JsonDocument.Parse(report.ToJson());
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("dataset_drift").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.Equal(3, root.GetProperty("columns").GetArrayLength());
        JsonElement column = root.GetProperty("columns")[0];
        foreach (string key in new[] { "name", "kind", "method", "threshold", "value", "drifted", "statistics", "exact", "bound", "reference_histogram", "current_histogram" })
        {
            Assert.True(column.TryGetProperty(key, out _), key);
        }
        Assert.Equal("numeric", column.GetProperty("kind").GetString());
        JsonElement ks = column.GetProperty("statistics").GetProperty("ks");
        Assert.True(ks.TryGetProperty("statistic", out _) && ks.TryGetProperty("p_value", out _));
        Assert.Equal(31, column.GetProperty("reference_histogram").GetProperty("edges").GetArrayLength());
        Assert.Equal(30, column.GetProperty("current_histogram").GetProperty("counts").GetArrayLength());
    }

    internal static DriftReport Compare(DriftReference reference, DriftReference current, DriftOptions options)
    {
        var bag = new DiagnosticBag();
        DriftReport report = DriftDetector.Compare(reference, current, options, bag);
        Assert.Empty(bag);
        return report;
    }

    internal static ColumnDrift Column(DriftReport report, string name) => report.Columns.Single(c => c.Name == name);

    private static (string, double) Method(DriftReport report, string name) => (Column(report, name).Method, Column(report, name).Threshold);

    /// <summary>distance ~ normal(1000 + shift * 300, 300); stops in {0, 1, 2} (+ stopsShift); origin from 4 airports, the same mix.</summary>
    internal static DriftReference Table(int rows, int seed, double shift, int stopsShift = 0)
    {
        double[] distance = GridBoundTests.Normal(rows, seed, 1000 + (shift * 300), 300);
        var random = new Random(seed + 100);
        double[] stops = [.. Enumerable.Range(0, rows).Select(_ => (double)(random.Next(3) + stopsShift))];
        string[] airports = ["SFO", "LAX", "JFK", "ORD"];
        string?[] origin = [.. Enumerable.Range(0, rows).Select(_ => airports[random.Next(4)])];
        return new DriftReferenceBuilder().AddNumeric("distance", distance).AddNumeric("stops", stops).AddCategorical("origin", origin).Build();
    }
}
