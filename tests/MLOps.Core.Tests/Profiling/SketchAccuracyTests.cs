using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Schema;
using Xunit;

namespace MLOps.Core.Tests.Profiling;

public sealed class SketchAccuracyTests
{
    [Fact]
    public void Should_estimate_quantiles_within_the_documented_rank_error_When_values_exceed_the_sample()
    {
        // Given 200,000 distinct skewed values (beyond the exact limit and the 16,384-value sample)
        var random = new Random(7);
        double[] values = [.. Enumerable.Range(0, 200_000).Select(_ => Math.Exp(random.NextDouble() * 4) + random.NextDouble())];
        var profiler = NumberProfiler();

        // When they are profiled
        foreach (double v in values)
        {
            profiler.ObserveNumber(0, v);
        }
        NumericProfile numeric = profiler.Finish(values.Length).Columns[0].Numeric!;

        // Then each quantile's rank in the exact sorted data is within 3 * sqrt(p(1-p)/16384) of p
        Assert.True(numeric.Quantiles.Estimated);
        double[] sorted = [.. values.Order()];
        double[] estimates = TableProfilerTests.Levels(numeric.Quantiles);
        for (int i = 0; i < estimates.Length; i++)
        {
            double p = Quantiles.Levels[i];
            double rank = (double)(Array.BinarySearch(sorted, estimates[i]) + 1) / sorted.Length;
            double bound = 3 * Math.Sqrt(p * (1 - p) / 16_384);
            Assert.True(Math.Abs(rank - p) <= bound, $"p={p}: rank {rank:F5}, bound {bound:F5}");
        }

        // And mean, std, min and max stay exact; the histogram (fine grid) is within one grid cell per edge
        Assert.Equal(values.Average(), numeric.Mean, 9);
        Assert.Equal(TableProfilerTests.SampleStdDev(values), numeric.StdDev, 9);
        Assert.Equal((sorted[0], sorted[^1]), (numeric.Min, numeric.Max));
        Assert.True(numeric.Histogram.Estimated);
        Assert.Equal(values.Length, numeric.Histogram.Counts.Sum());
        long[] exact = new long[20];
        foreach (double v in values)
        {
            exact[Math.Min(19, (int)((v - sorted[0]) / (sorted[^1] - sorted[0]) * 20))]++;
        }
        for (int b = 0; b < 20; b++)
        {
            Assert.True(Math.Abs(exact[b] - numeric.Histogram.Counts[b]) <= values.Length / 1000, $"bin {b}: {numeric.Histogram.Counts[b]} vs {exact[b]}");
        }
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(200_000)]
    [InlineData(1_000_000)]
    public void Should_estimate_distinct_values_within_3_percent_When_they_exceed_the_exact_limit(int distinct)
    {
        // Given numbers and strings with a known number of distinct values, each seen twice
        var profiler = new TableProfiler(new TableSchema([new ColumnSchema("n", ColumnType.Float), new ColumnSchema("s", ColumnType.Categorical)], "schema.json"));

        // When they are profiled
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < distinct; i++)
            {
                profiler.ObserveNumber(0, i * 0.37);
                profiler.ObserveText(1, $"id-{i}");
            }
        }
        DataProfile profile = profiler.Finish(2L * distinct);

        // Then both estimates are flagged and within 3%
        foreach (ColumnProfile column in profile.Columns)
        {
            Assert.True(column.Distinct.Estimated);
            Assert.InRange(column.Distinct.Value, distinct * 0.97, distinct * 1.03);
        }
    }

    [Fact]
    public void Should_keep_the_frequent_values_within_the_reported_error_When_a_string_column_has_many_rare_values()
    {
        // Given five frequent values among 300,000 values that are mostly unique
        var profiler = new TableProfiler(new TableSchema([new ColumnSchema("s", ColumnType.Categorical)], "schema.json"));
        var counts = new Dictionary<string, long>();
        var random = new Random(3);
        for (int i = 0; i < 300_000; i++)
        {
            string value = random.Next(10) < 4 ? $"hot-{random.Next(5)}" : $"rare-{i}";
            counts[value] = counts.GetValueOrDefault(value) + 1;
            profiler.ObserveText(0, value);
        }

        // When the profile is finished
        CategoryProfile categories = profiler.Finish(300_000).Columns[0].Categories!;

        // Then the top five are the frequent values, each count low by at most max_error
        Assert.True(categories.Estimated);
        Assert.Equal(counts.OrderByDescending(c => c.Value).Take(5).Select(c => c.Key).Order(), categories.Top.Take(5).Select(t => t.Value).Order());
        foreach (CategoryCount top in categories.Top.Take(5))
        {
            Assert.InRange(top.Count, counts[top.Value] - categories.MaxError, counts[top.Value]);
        }
    }

    private static TableProfiler NumberProfiler() =>
        new(new TableSchema([new ColumnSchema("x", ColumnType.Float)], "schema.json"));
}
