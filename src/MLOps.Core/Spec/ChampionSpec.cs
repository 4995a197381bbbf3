namespace MLOps.Core.Spec;

/// <summary>
/// The spec's <c>champion:</c> section: the candidate against the model <see cref="Stage"/> serves, on the same test rows.
/// Absent from the spec: a champion, when there is one, is still evaluated and recorded, but no threshold applies.
/// </summary>
public sealed record ChampionSpec(string Stage, IReadOnlyList<ChampionGateSpec> Metrics, int Line)
{
    /// <summary>The stage whose served version is the champion when the spec does not name one.</summary>
    public const string DefaultStage = "production";
}

/// <summary>
/// Change thresholds on one metric, in the metric's own direction (<see cref="MetricCatalog.HigherIsBetter"/>): the
/// improvement is candidate minus champion for a higher-is-better metric, champion minus candidate otherwise.
/// <see cref="MinImprovement"/>: the improvement must be at least this; <see cref="MinRelativeImprovement"/>: the
/// improvement divided by |champion| must be at least this; <see cref="MaxRegression"/>: the candidate may be worse by
/// at most this (the improvement at least its negative).
/// </summary>
public sealed record ChampionGateSpec(string Metric, double? MinImprovement, double? MinRelativeImprovement, double? MaxRegression, int Line);
