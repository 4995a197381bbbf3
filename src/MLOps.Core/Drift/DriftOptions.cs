namespace MLOps.Core.Drift;

/// <summary>
/// How to decide drift: the share of compared columns that must drift for the dataset to drift, per-column
/// overrides of the method and threshold, and whether the prediction columns (named <c>prediction.*</c>) are compared.
/// </summary>
public sealed class DriftOptions
{
    /// <summary>The dataset drifts when at least this share of the compared columns drift; in (0, 1].</summary>
    public double DatasetShare { get; init; } = 0.5;

    /// <summary>Overrides by column name (a datetime part by its expanded name, e.g. <c>date.hour</c>).</summary>
    public IReadOnlyDictionary<string, ColumnDriftOption> Columns { get; init; } = new Dictionary<string, ColumnDriftOption>(StringComparer.Ordinal);

    /// <summary>Compare the model's output (columns named <c>prediction.*</c>) too.</summary>
    public bool Prediction { get; init; } = true;

    /// <summary>The prefix that marks a column as the model's output.</summary>
    public const string PredictionPrefix = "prediction.";
}

/// <summary>One column's override: a method name from the methods table (<see cref="DriftMethods.Names"/>) and/or a threshold; null keeps the default.</summary>
public sealed record ColumnDriftOption(string? Method, double? Threshold);
