using System.Text.Json.Serialization;

namespace MLOps.Core.Monitoring;

/// <summary>
/// One metric measured live, beside the training metric (lineage's test-split metric) and the spec's live threshold.
/// <see cref="Passed"/> is null when the metric has no threshold or the thresholds were not judged (too few labels).
/// </summary>
public sealed record LiveMetric(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("live")] double Live,
    [property: JsonPropertyName("training")] double? Training,
    [property: JsonPropertyName("min")] double? Min,
    [property: JsonPropertyName("max")] double? Max,
    [property: JsonPropertyName("passed")] bool? Passed)
{
    /// <summary>Live minus training; null without a training metric.</summary>
    [JsonPropertyName("change")]
    public double? Change => Training is { } training ? Live - training : null;
}

/// <summary>What <c>mlops monitor performance</c> found: the join's counts, the live metrics and whether they met the thresholds.</summary>
public sealed record LiveReport(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("predictions")] long Predictions,
    [property: JsonPropertyName("labelled")] long Labelled,
    [property: JsonPropertyName("without_label")] long WithoutLabel,
    [property: JsonPropertyName("labels_without_prediction")] long LabelsWithoutPrediction,
    [property: JsonPropertyName("other_model")] long OtherModel,
    [property: JsonPropertyName("dropped")] long Dropped,
    [property: JsonPropertyName("min_labelled")] int MinLabelled,
    [property: JsonPropertyName("judged")] bool Judged,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("metrics")] IReadOnlyList<LiveMetric> Metrics);
