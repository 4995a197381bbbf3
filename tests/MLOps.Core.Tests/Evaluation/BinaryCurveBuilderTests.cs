using MLOps.Core.Evaluation.Details;
using Xunit;

namespace MLOps.Core.Tests.Evaluation;

public sealed class BinaryCurveBuilderTests
{
    [Fact]
    public void Should_make_one_point_per_distinct_score_When_scores_tie()
    {
        // Given four rows, two of them tied at 0.5 (one positive, one negative)
        bool[] labels = [true, true, false, false];
        float[] scores = [0.9f, 0.5f, 0.5f, 0.1f];

        // When the curves are built
        BinaryCurves curves = BinaryCurveBuilder.Build("Probability", labels, scores);

        // Then ROC steps (0,0) -> (0,0.5) -> (0.5,1) -> (1,1): the tie moves both rates at once
        Assert.Equal([(0.0, 0.0), (0.0, 0.5), (0.5, 1.0), (1.0, 1.0)], curves.Roc.Select(p => (p.X, p.Y)));
        // And precision-recall (x recall, y precision, rounded to 6 decimals) steps the same way
        Assert.Equal([(0.5, 1.0), (1.0, 0.666667), (1.0, 0.5)], curves.PrecisionRecall.Select(p => (p.X, p.Y)));
    }

    [Fact]
    public void Should_keep_at_most_200_points_and_both_ends_When_there_are_many_distinct_scores()
    {
        // Given 5,000 rows with distinct scores
        var random = new Random(3);
        bool[] labels = [.. Enumerable.Range(0, 5000).Select(_ => random.Next(2) == 0)];
        float[] scores = [.. Enumerable.Range(0, 5000).Select(i => i / 5000f)];

        // When the curves are built
        BinaryCurves curves = BinaryCurveBuilder.Build("Probability", labels, scores);

        // Then each curve is thinned to 200 points, ROC still from (0,0) to (1,1)
        Assert.Equal(200, curves.Roc.Count);
        Assert.Equal(200, curves.PrecisionRecall.Count);
        Assert.Equal((0, 0), (curves.Roc[0].X, curves.Roc[0].Y));
        Assert.Equal((1, 1), (curves.Roc[^1].X, curves.Roc[^1].Y));
    }

    [Fact]
    public void Should_put_each_probability_in_its_tenth_with_the_observed_rate_When_calibrating()
    {
        // Given probabilities 0.05 (2 rows, 1 positive) and 1.0 (1 row, positive)
        // When calibration bins are made
        IReadOnlyList<CalibrationBin> bins = BinaryCurveBuilder.Calibration([true, false, true], [0.05f, 0.05f, 1f]);

        // Then the first and last bins hold them, the empty bins are left out
        Assert.Equal(2, bins.Count);
        Assert.Equal((0.0, 0.1, 2L, 0.5), (bins[0].Lower, bins[0].Upper, bins[0].Count, bins[0].ObservedRate));
        Assert.Equal((0.9, 1.0, 1L, 1.0), (bins[1].Lower, bins[1].Upper, bins[1].Count, bins[1].ObservedRate));
    }
}
