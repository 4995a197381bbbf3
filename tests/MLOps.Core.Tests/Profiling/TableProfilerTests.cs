using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Schema;
using Xunit;

namespace MLOps.Core.Tests.Profiling;

public sealed class TableProfilerTests
{
    private static readonly TableSchema Schema = new(
    [
        new ColumnSchema("delay", ColumnType.Integer, Nullable: true, Min: 0, Max: 100),
        new ColumnSchema("price", ColumnType.Float, Nullable: true),
        new ColumnSchema("city", ColumnType.Categorical, Nullable: true),
        new ColumnSchema("late", ColumnType.Boolean),
        new ColumnSchema("at", ColumnType.DateTime),
    ], "schema.json");

    private static readonly string[][] Rows =
    [
        ["5", "10.5", "Paris", "true", "2024-01-01T00:00:00"],
        ["", "2.25", "Oslo", "false", "2024-01-03T12:00:00"],
        ["40", "", "Paris", "1", "2024-01-02T00:00:00"],
        ["100", "7", "", "0", "2024-01-05T06:00:00"],
        ["5", "x", "Lima", "true", "2024-01-04T00:00:00"],
        ["120", "-3.5", "Paris", "false", "2024-01-01T00:00:00"],
        ["0", "10.5", "Oslo", "false", "2024-01-02T00:00:00"],
    ];

    [Fact]
    public void Should_compute_exact_statistics_When_a_small_dataset_is_profiled()
    {
        // Given a small table with missing, invalid and out-of-range values
        var profiler = new TableProfiler(Schema);

        // When every field is observed
        foreach (string[] row in Rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                profiler.ObserveField(c, row[c]);
            }
        }
        DataProfile profile = profiler.Finish(Rows.Length);

        // Then the integer column matches LINQ over its values, binned over the schema range 0..100
        double[] delays = [5, 40, 100, 5, 120, 0];
        ColumnProfile delay = profile.Columns[0];
        Assert.Equal((6L, 1L, 0L, 5L, false), (delay.Count, delay.Missing, delay.Invalid, delay.Distinct.Value, delay.Distinct.Estimated));
        NumericProfile n = delay.Numeric!;
        Assert.Equal((0d, 120d), (n.Min, n.Max));
        Assert.Equal(delays.Average(), n.Mean, 12);
        Assert.Equal(SampleStdDev(delays), n.StdDev, 12);
        Assert.Equal([0d, 0, 5, 5, 100, 120, 120], Levels(n.Quantiles));
        Assert.False(n.Quantiles.Estimated);
        Assert.Equal(("schema", false, 1L, 0L), (n.Histogram.Range, n.Histogram.Estimated, n.Histogram.Above, n.Histogram.Below));
        long[] expectedBins = new long[20];
        expectedBins[0] = 1; expectedBins[1] = 2; expectedBins[8] = 1; expectedBins[19] = 1; // 0 | 5, 5 | 40 | 100
        Assert.Equal(expectedBins, n.Histogram.Counts);
        Assert.Equal(0d, n.Histogram.Edges[0]);
        Assert.Equal(100d, n.Histogram.Edges[20]);

        // And the float column without a declared range is binned over its observed range
        double[] prices = [10.5, 2.25, 7, -3.5, 10.5];
        ColumnProfile price = profile.Columns[1];
        Assert.Equal((5L, 1L, 1L, 4L), (price.Count, price.Missing, price.Invalid, price.Distinct.Value));
        Assert.Equal(prices.Average(), price.Numeric!.Mean, 12);
        Assert.Equal(SampleStdDev(prices), price.Numeric.StdDev, 12);
        Assert.Equal(("observed", false), (price.Numeric.Histogram.Range, price.Numeric.Histogram.Estimated));
        long[] expectedPriceBins = new long[20];
        foreach (double p in prices)
        {
            expectedPriceBins[Math.Min(19, (int)((p + 3.5) / 14 * 20))]++;
        }
        Assert.Equal(expectedPriceBins, price.Numeric.Histogram.Counts);
        Assert.Equal(7d, price.Numeric.Quantiles.P50);

        // And strings and booleans report exact top values with fractions of the non-missing values
        ColumnProfile city = profile.Columns[2];
        Assert.Equal((6L, 1L, 3L), (city.Count, city.Missing, city.Distinct.Value));
        Assert.Equal([("Paris", 3L), ("Oslo", 2L), ("Lima", 1L)], city.Categories!.Top.Select(t => (t.Value, t.Count)));
        Assert.Equal(0.5, city.Categories.Top[0].Fraction);
        Assert.False(city.Categories.Estimated);
        Assert.Null(city.Numeric);
        Assert.Equal([("false", 4L), ("true", 3L)], profile.Columns[3].Categories!.Top.Select(t => (t.Value, t.Count)));

        // And date-times report their range and median, with numeric statistics in days since 1970
        ColumnProfile at = profile.Columns[4];
        Assert.Equal(("2024-01-01T00:00:00", "2024-01-02T00:00:00", "2024-01-05T06:00:00"), (at.DateTime!.Min, at.DateTime.Median, at.DateTime.Max));
        Assert.Equal((new DateTime(2024, 1, 1) - DateTime.UnixEpoch).TotalDays, at.Numeric!.Min);
        Assert.Equal(5L, at.Distinct.Value);
        Assert.Equal(7, profile.Rows);
    }

    [Fact]
    public void Should_throw_When_a_value_of_another_type_is_observed()
    {
        // Given a profiler over a string column
        var profiler = new TableProfiler(new TableSchema([new ColumnSchema("s", ColumnType.Categorical)], "schema.json"));

        // When a number is observed for it, Then the mistake is named
        var error = Assert.Throws<InvalidOperationException>(() => profiler.ObserveNumber(0, 1));
        Assert.Contains("'s'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_render_one_markdown_row_per_column_When_the_profile_is_rendered()
    {
        // Given the profile of the small dataset
        var profiler = new TableProfiler(Schema);
        foreach (string[] row in Rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                profiler.ObserveField(c, row[c]);
            }
        }

        // When it is rendered
        string markdown = ProfileMarkdown.Render(profiler.Finish(Rows.Length));

        // Then each column is a row with its summary
        Assert.Contains("| delay | integer | 14.3% | 5 | 0 / 5 / 120 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| city | categorical | 14.3% | 3 | Paris (50.0%), Oslo (33.3%), Lima (16.7%) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| at | datetime | 0.0% | 5 | 2024-01-01T00:00:00 / 2024-01-02T00:00:00 / 2024-01-05T06:00:00 |", markdown, StringComparison.Ordinal);
        Assert.Equal(2 + 2 + 5, markdown.Split('\n', StringSplitOptions.None).Length - 1);
    }

    internal static double SampleStdDev(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    internal static double[] Levels(Quantiles q) => [q.P01, q.P05, q.P25, q.P50, q.P75, q.P95, q.P99];
}
