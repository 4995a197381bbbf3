namespace MLOps.Core.Spec;

/// <summary>
/// The spec's <c>drift:</c> section (docs/model-spec.md#drift): how <c>mlops drift</c> and the DriftCheck target judge
/// this model's data. <see cref="Share"/>: the dataset drifts when at least this share of the compared columns drift;
/// <see cref="Prediction"/>: whether the model's output is compared too; <see cref="Columns"/>: a method and/or
/// threshold per column (by the drift check's column names: <c>distance</c>, <c>date.month</c>, <c>prediction.Probability</c>).
/// Unset members keep the drift engine's defaults.
/// </summary>
public sealed record DriftSpec(double? Share, bool? Prediction, IReadOnlyList<DriftColumnSpec> Columns, int Line);

/// <summary>One column's override: the method by name (ks, chisquare, wasserstein, jensenshannon, psi) and its threshold.</summary>
public sealed record DriftColumnSpec(string Column, string? Method, double? Threshold, int Line);
