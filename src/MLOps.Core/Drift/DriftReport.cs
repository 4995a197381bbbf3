using System.Text.Json.Serialization;
using MLOps.Core.Drift.Columns;
using MLOps.Core.IO;

namespace MLOps.Core.Drift;

/// <summary>
/// The result of comparing current data with a reference: per column, every statistic, the method that decides
/// and its verdict; for the dataset, whether at least the options' share of columns drifted.
/// </summary>
public sealed record DriftReport(
    [property: JsonPropertyName("dataset_drift")] bool DatasetDrift,
    [property: JsonPropertyName("share")] double Share,
    [property: JsonPropertyName("drifted")] int Drifted,
    [property: JsonPropertyName("threshold_share")] double ThresholdShare,
    [property: JsonPropertyName("reference_rows")] long ReferenceRows,
    [property: JsonPropertyName("current_rows")] long CurrentRows,
    [property: JsonPropertyName("columns")] IReadOnlyList<ColumnDrift> Columns)
{
    public string ToJson() => JsonFile.Serialize(this);

    public void Save(string path) => JsonFile.Write(path, this);
}

/// <summary>
/// One column's comparison. <see cref="Value"/> is the deciding method's value (a p-value for ks and chisquare,
/// a distance otherwise); <see cref="Exact"/> is false when a side was held as a grid or pooled categories, and
/// then <see cref="Bound"/> bounds |Value - the value on the raw rows| (docs/monitoring.md, "Drift statistics").
/// The two histograms share their bins (edges or categories), for plotting.
/// </summary>
public sealed record ColumnDrift(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] DriftColumnKind Kind,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("drifted")] bool Drifted,
    [property: JsonPropertyName("statistics")] DriftStatistics Statistics,
    [property: JsonPropertyName("exact")] bool Exact,
    [property: JsonPropertyName("bound")] double? Bound,
    [property: JsonPropertyName("reference_histogram")] DriftHistogram ReferenceHistogram,
    [property: JsonPropertyName("current_histogram")] DriftHistogram CurrentHistogram);

/// <summary>
/// Every statistic for a column; one that does not apply to its kind (or cannot be computed from a grid) is null.
/// Wasserstein is normed by the reference's standard deviation. <see cref="Bounds"/> (null when exact) bounds each
/// statistic's error against the raw rows, by name.
/// </summary>
public sealed record DriftStatistics(
    [property: JsonPropertyName("ks")] TestStatistic? Ks,
    [property: JsonPropertyName("wasserstein")] double? Wasserstein,
    [property: JsonPropertyName("jensenshannon")] double? JensenShannon,
    [property: JsonPropertyName("psi")] double? Psi,
    [property: JsonPropertyName("chisquare")] TestStatistic? ChiSquare,
    [property: JsonPropertyName("bounds")] IReadOnlyDictionary<string, double>? Bounds = null);

/// <summary>A statistical test's statistic and its p-value; from a grid, <see cref="StatisticBound"/> bounds the statistic's error (KS: half its bracket).</summary>
public sealed record TestStatistic(
    [property: JsonPropertyName("statistic")] double Statistic,
    [property: JsonPropertyName("p_value")] double PValue,
    [property: JsonPropertyName("statistic_bound")] double? StatisticBound = null);
