using MLOps.Core.Diagnostics;
using MLOps.Core.Drift;
using MLOps.Core.Drift.Columns;
using Xunit;

namespace MLOps.Core.Tests.Drift;

public sealed class DriftReferenceTests
{
    [Fact]
    public void Should_keep_sorted_distinct_values_with_counts_and_exact_moments_When_a_numeric_column_is_added()
    {
        // Given numbers with a repeat and a missing value
        DriftReference reference = new DriftReferenceBuilder().AddNumeric("x", [3.0, 1.0, double.NaN, 3.0, 2.0]).Build();

        // Then the values are sorted and counted, NaN is missing, and the std is the population one
        DriftColumn x = Assert.Single(reference.Columns);
        Assert.Equal(5, reference.Rows);
        Assert.Equal([1.0, 2.0, 3.0], x.Values!);
        Assert.Equal([1L, 1L, 2L], x.Counts!);
        Assert.Equal((4, 1), (x.Count, x.Missing));
        Assert.Equal(2.25, x.Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(0.6875), x.StdDev!.Value, 12);
        Assert.True(x.IsExact);
    }

    [Fact]
    public void Should_expand_a_datetime_into_hour_day_of_week_and_month_When_it_is_added()
    {
        // Given a Tuesday 17:45 in March and a missing timestamp
        DriftReference reference = new DriftReferenceBuilder().AddDateTime("date", [new DateTime(2001, 3, 6, 17, 45, 0), default]).Build();

        // Then three numeric columns, Monday = 0
        Assert.Equal(["date.hour", "date.day_of_week", "date.month"], reference.Columns.Select(c => c.Name));
        Assert.Equal([17.0], reference.Find("date.hour")!.Values!);
        Assert.Equal([1.0], reference.Find("date.day_of_week")!.Values!);
        Assert.Equal([3.0], reference.Find("date.month")!.Values!);
        Assert.All(reference.Columns, c => Assert.Equal(1, c.Missing));
    }

    [Fact]
    public void Should_count_categories_most_frequent_first_When_a_categorical_column_is_added()
    {
        DriftReference reference = new DriftReferenceBuilder().AddCategorical("origin", ["SFO", "LAX", "SFO", "", null, "JFK"]).Build();

        DriftColumn origin = reference.Columns[0];
        Assert.Equal(["SFO", "JFK", "LAX"], origin.Categories!); // ties by ordinal value
        Assert.Equal([2L, 1L, 1L], origin.Counts!);
        Assert.Equal((4, 2, 0), (origin.Count, origin.Missing, origin.Other));
    }

    [Fact]
    public void Should_read_back_what_it_wrote_byte_for_byte_When_saved_and_loaded()
    {
        // Given a reference with every kind of column
        DriftReference reference = new DriftReferenceBuilder()
            .AddNumeric("distance", [337, 337, 1200.5])
            .AddCategorical("origin", ["SFO", "LAX", "SFO"])
            .AddBoolean("prediction.PredictedLabel", [true, false, true])
            .Build();
        string path = Path.Combine(Path.GetTempPath(), $"drift-{Guid.NewGuid():N}.json");
        try
        {
            // When it is saved, loaded and saved again
            reference.Save(path);
            var bag = new DiagnosticBag();
            DriftReference? loaded = DriftReference.Load(path, bag);

            // Then nothing is reported and the JSON is identical
            Assert.Empty(bag);
            Assert.NotNull(loaded);
            Assert.Equal(reference.ToJson(), loaded.ToJson());
            Assert.Contains("\"format\": \"mlops-drift-reference\"", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(24)]     // counted in a hash table
    [InlineData(20_000)] // sorted
    [InlineData(150_000)] // a grid
    public void Should_write_the_same_bytes_When_the_same_values_come_in_another_row_order(int distinct)
    {
        // Given the same multiset of values, shuffled two ways
        var random = new Random(7);
        double[] values = [.. Enumerable.Range(0, 200_000).Select(i => (double)(i % distinct) * 0.37)];
        double[] shuffled = [.. values.OrderBy(_ => random.Next())];

        // Then the summaries are byte-identical, exact up to 100,000 distinct values
        DriftReference a = new DriftReferenceBuilder().AddNumeric("x", values).Build();
        DriftReference b = new DriftReferenceBuilder().AddNumeric("x", shuffled).Build();
        Assert.Equal(a.ToJson(), b.ToJson());
        Assert.Equal(distinct <= DriftReferenceBuilder.MaxExactValues, a.Columns[0].IsExact);
        Assert.Equal(values.Average(), a.Columns[0].Mean!.Value, 9);
    }
}
