namespace MLOps.Core.Evaluation.Details;

/// <summary>
/// ROC, precision-recall and calibration from (label, probability) pairs. Each curve has one point per distinct
/// score (rows with the same score move together), thinned to at most <see cref="MaxPoints"/> evenly spaced points
/// that keep both ends, so the document stays small whatever the size of the test split.
/// </summary>
public static class BinaryCurveBuilder
{
    public const int MaxPoints = 200;
    public const int CalibrationBins = 10;

    public static BinaryCurves Build(string scoreColumn, IReadOnlyList<bool> labels, IReadOnlyList<float> scores)
    {
        int[] order = [.. Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i)];
        long positives = labels.Count(l => l);
        long negatives = labels.Count - positives;
        var roc = new List<CurvePoint> { new(0, 0, 1) };
        var pr = new List<CurvePoint>();
        long tp = 0, fp = 0;
        for (int k = 0; k < order.Length; k++)
        {
            if (labels[order[k]])
                tp++;
            else
                fp++;

            // A point only where the score changes: a threshold cannot split rows with equal scores.
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]])
                continue;

            double threshold = scores[order[k]];
            roc.Add(Point(Rate(fp, negatives), Rate(tp, positives), threshold));
            pr.Add(Point(Rate(tp, positives), Rate(tp, tp + fp), threshold));
        }

        return new BinaryCurves(scoreColumn, Thin(roc), Thin(pr), Calibration(labels, scores));
    }

    /// <summary>Equal-width bins over [0, 1]; a probability of exactly 1 goes in the last one. Empty bins are left out.</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities)
    {
        var count = new long[CalibrationBins];
        var sum = new double[CalibrationBins];
        var hits = new long[CalibrationBins];
        for (int i = 0; i < probabilities.Count; i++)
        {
            float p = probabilities[i];
            if (float.IsNaN(p))
                continue;
            int bin = Math.Clamp((int)(p * CalibrationBins), 0, CalibrationBins - 1);
            count[bin]++;
            sum[bin] += p;
            hits[bin] += labels[i] ? 1 : 0;
        }

        return [.. Enumerable.Range(0, CalibrationBins).Where(b => count[b] > 0).Select(b => new CalibrationBin(
            EvaluationDetails.Round((double)b / CalibrationBins),
            EvaluationDetails.Round((double)(b + 1) / CalibrationBins),
            count[b],
            EvaluationDetails.Round(sum[b] / count[b]),
            EvaluationDetails.Round((double)hits[b] / count[b])))];
    }

    /// <summary>At most <see cref="MaxPoints"/> points at evenly spaced indices, the first and the last always kept.</summary>
    public static IReadOnlyList<CurvePoint> Thin(IReadOnlyList<CurvePoint> points)
    {
        if (points.Count <= MaxPoints)
            return points;
        return [.. Enumerable.Range(0, MaxPoints)
            .Select(i => (int)Math.Round((double)i * (points.Count - 1) / (MaxPoints - 1)))
            .Distinct()
            .Select(i => points[i])];
    }

    private static double Rate(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private static CurvePoint Point(double x, double y, double threshold) =>
        new(EvaluationDetails.Round(x), EvaluationDetails.Round(y), EvaluationDetails.Round(threshold));
}
