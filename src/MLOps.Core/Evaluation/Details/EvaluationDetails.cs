using System.Text.Json.Serialization;

namespace MLOps.Core.Evaluation.Details;

/// <summary>
/// What the evaluate step saw beyond the headline metrics, written as evaluation.json beside metrics.json and kept by
/// the run store as the run's <c>evaluation</c> document, which the report draws. It lives in core, not in
/// MLOps.ModelFormat's contract: only the pipeline's own tools write and read it; a service never loads it, and the
/// model package does not carry it. Numbers are rounded (<see cref="Round"/>) so the same model gives the same bytes.
/// </summary>
public sealed record EvaluationDetails(
    [property: JsonPropertyName("evaluation_version")] int Version,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("binary")] BinaryCurves? Binary,
    [property: JsonPropertyName("confusion_matrix")] ConfusionMatrix? ConfusionMatrix,
    [property: JsonPropertyName("residuals")] ResidualSample? Residuals,
    [property: JsonPropertyName("feature_importance")] FeatureImportance? FeatureImportance)
{
    public const int CurrentVersion = 1;

    public const string FileName = "evaluation.json";

    /// <summary>Six decimals: well below what a plot or a reader can tell apart, and free of last-bit noise.</summary>
    public static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6, MidpointRounding.ToEven) : 0;
}

/// <summary>Binary classification: ROC and precision-recall curves (at most 200 points each) and calibration bins.</summary>
public sealed record BinaryCurves(
    [property: JsonPropertyName("score")] string ScoreColumn,
    [property: JsonPropertyName("roc")] IReadOnlyList<CurvePoint> Roc,
    [property: JsonPropertyName("precision_recall")] IReadOnlyList<CurvePoint> PrecisionRecall,
    [property: JsonPropertyName("calibration")] IReadOnlyList<CalibrationBin> Calibration);

/// <summary>One point of a curve at a score threshold: ROC x = false positive rate, y = true positive rate; PR x = recall, y = precision.</summary>
public sealed record CurvePoint(
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("threshold")] double Threshold);

/// <summary>Rows whose predicted probability falls in [lower, upper): their mean prediction against how many were positive.</summary>
public sealed record CalibrationBin(
    [property: JsonPropertyName("lower")] double Lower,
    [property: JsonPropertyName("upper")] double Upper,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("mean_predicted")] double MeanPredicted,
    [property: JsonPropertyName("observed_rate")] double ObservedRate);

/// <summary>Counts[actual][predicted], classes in the label's order (binary: false, true).</summary>
public sealed record ConfusionMatrix(
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes,
    [property: JsonPropertyName("counts")] IReadOnlyList<IReadOnlyList<long>> Counts);

/// <summary>Regression: actual and predicted values of the first rows of the (already shuffled) test split.</summary>
public sealed record ResidualSample(
    [property: JsonPropertyName("population")] long Population,
    [property: JsonPropertyName("points")] IReadOnlyList<ResidualPoint> Points);

public sealed record ResidualPoint(
    [property: JsonPropertyName("actual")] double Actual,
    [property: JsonPropertyName("predicted")] double Predicted);

/// <summary>
/// Permutation feature importance (ML.NET's PFI) per input feature of the spec: how much <see cref="Metric"/> drops
/// when the feature's values are shuffled among the sample rows, summed over the feature's slots (one-hot values).
/// </summary>
public sealed record FeatureImportance(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("sample_rows")] long SampleRows,
    [property: JsonPropertyName("permutations")] int Permutations,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("features")] IReadOnlyList<FeatureImportanceEntry> Features);

/// <summary>Importance = the metric's mean drop (positive: the model leans on the feature); std_dev over the permutations.</summary>
public sealed record FeatureImportanceEntry(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("slots")] int Slots,
    [property: JsonPropertyName("importance")] double Importance,
    [property: JsonPropertyName("std_dev")] double StdDev);
