using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Schema;
using MLOps.Core.IO;
using Xunit;

namespace MLOps.Core.Tests.Profiling;

public sealed class TextProfileTests
{
    private static readonly TableSchema Schema = new(
    [
        new ColumnSchema("comment", ColumnType.Text, Nullable: true),
        new ColumnSchema("note", ColumnType.Text, MaxLength: 10),
    ], "schema.json");

    // Lengths 4, 7, 4, 26, 2, 5 and one missing; "late" twice, so 5 distinct.
    private static readonly string[] Comments = ["late", "on time", "", "late", "waited 2 hours at the gate", "ok", "Late!"];

    [Fact]
    public void Should_report_exact_length_statistics_and_no_top_values_When_a_small_text_column_is_profiled()
    {
        // Given a few comments, one missing and one repeated

        // When they are profiled
        ColumnProfile comment = Profile(Comments, []).Columns[0];

        // Then count, missing and distinct are exact, and there are no top values and no numeric statistics
        Assert.Equal(("text", 6L, 1L, 0L), (comment.Type, comment.Count, comment.Missing, comment.Invalid));
        Assert.Equal(new DistinctCount(5, false), comment.Distinct);
        Assert.Null(comment.Categories);
        Assert.Null(comment.Numeric);

        // And the lengths in characters have exact min, max, mean, standard deviation and quantiles
        double[] lengths = [4, 7, 4, 26, 2, 5];
        NumericProfile length = comment.Length!;
        Assert.Equal((2d, 26d), (length.Min, length.Max));
        Assert.Equal(8d, length.Mean, 12);
        Assert.Equal(TableProfilerTests.SampleStdDev(lengths), length.StdDev, 12);
        Assert.Equal([2d, 2, 4, 4, 7, 26, 26], TableProfilerTests.Levels(length.Quantiles));
        Assert.False(length.Quantiles.Estimated);
        Assert.Equal(("observed", false, 6L), (length.Histogram.Range, length.Histogram.Estimated, length.Histogram.Counts.Sum()));
    }

    [Fact]
    public void Should_bin_lengths_over_zero_to_max_length_When_the_schema_declares_one()
    {
        // Given a text column with max_length 10 and one value longer than that

        // When its values are profiled
        Histogram histogram = Profile([], ["abc", "abcdefghij", "abcdefghijkl"]).Columns[1].Length!.Histogram;

        // Then the histogram spans 0..10 and counts the long value above it
        Assert.Equal(("schema", 0d, 10d), (histogram.Range, histogram.Edges[0], histogram.Edges[^1]));
        Assert.Equal((2L, 1L), (histogram.Counts.Sum(), histogram.Above));
    }

    [Fact]
    public void Should_count_texts_apart_When_they_differ_only_after_the_category_length()
    {
        // Given two 300-character texts that differ in their last character
        string prefix = new('a', 299);

        // When they are profiled
        ColumnProfile comment = Profile([prefix + "b", prefix + "c", prefix + "b"], []).Columns[0];

        // Then they are two distinct values of length 300 (texts are compared whole)
        Assert.Equal(new DistinctCount(2, false), comment.Distinct);
        Assert.Equal((300d, 300d), (comment.Length!.Min, comment.Length.Max));
    }

    [Fact]
    public void Should_write_length_and_no_categories_When_a_text_profile_is_serialised()
    {
        // Given the profile of the comments

        // When it is written as profile.json
        string json = JsonFile.Serialize(Profile(Comments, []));

        // Then the text column has a length object shaped like the numeric statistics, and a version that says so
        Assert.Contains("\"profile_version\": 2,", json, StringComparison.Ordinal);
        Assert.Contains("\"categories\": null,\n      \"length\": {\n        \"min\": 2,", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(json, JsonFile.Serialize(System.Text.Json.JsonSerializer.Deserialize<DataProfile>(json, JsonFile.Options)));
    }

    [Fact]
    public void Should_render_the_min_median_and_max_length_When_the_profile_has_a_text_column()
    {
        // Given the profile of the comments

        // When it is rendered for the model card
        string markdown = ProfileMarkdown.Render(Profile(Comments, []));

        // Then the text column's row shows its lengths instead of top values
        Assert.Contains("| comment | text | 14.3% | 5 | length 2 / 4 / 26 |", markdown, StringComparison.Ordinal);
    }

    private static DataProfile Profile(string[] comments, string[] notes)
    {
        var profiler = new TableProfiler(Schema);
        foreach (string comment in comments)
        {
            profiler.ObserveField(0, comment);
        }
        foreach (string note in notes)
        {
            profiler.ObserveField(1, note);
        }
        return profiler.Finish(Math.Max(comments.Length, notes.Length));
    }
}
