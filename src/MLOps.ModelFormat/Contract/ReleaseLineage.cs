using System.Text.Json.Serialization;

namespace MLOps.ModelFormat.Contract;

/// <summary>Who built the package and where (lineage.json's <c>build</c>): the user, or the CI identity and its run.</summary>
public sealed record BuildLineage(
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("ci"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ci = null,
    [property: JsonPropertyName("ci_run_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CiRunUrl = null,
    [property: JsonPropertyName("branch"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Branch = null);

/// <summary>
/// Why the package has its version (lineage.json's <c>version_decision</c>): <paramref name="Change"/> is first, major,
/// minor, patch, same (this exact model is already the latest) or requested (MLOpsVersion); <paramref name="Previous"/>
/// is the version compared with; <paramref name="Changes"/> lists the contract differences that decided it;
/// <paramref name="Prerelease"/> says why the version is a pre-release (absent for a release).
/// </summary>
public sealed record VersionDecision(
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("previous")] string? Previous,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("changes")] IReadOnlyList<string> Changes,
    [property: JsonPropertyName("prerelease"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prerelease = null);

/// <summary>
/// The candidate against the model a stage serves (lineage.json's <c>champion</c>): both models' metrics on the same
/// test rows and the verdict of each champion threshold.
/// </summary>
public sealed record ChampionComparison(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics,
    [property: JsonPropertyName("verdicts")] IReadOnlyList<ChampionVerdict> Verdicts,
    [property: JsonPropertyName("passed")] bool Passed)
{
    /// <summary>The candidate's metrics on the same test rows (the lineage's own <c>metrics</c>), so the comparison reads alone.</summary>
    [JsonPropertyName("candidate_metrics"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? CandidateMetrics { get; init; }

    /// <summary>Why the champion could not be compared (its input schema no longer fits the test rows); absent when it was.</summary>
    [JsonPropertyName("not_comparable"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NotComparable { get; init; }
}

/// <summary>One metric of the candidate against the champion, with the thresholds the spec set for it (null: not set).</summary>
public sealed record ChampionVerdict(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("candidate")] double Candidate,
    [property: JsonPropertyName("champion")] double Champion,
    [property: JsonPropertyName("min_improvement")] double? MinImprovement,
    [property: JsonPropertyName("min_relative_improvement")] double? MinRelativeImprovement,
    [property: JsonPropertyName("max_regression")] double? MaxRegression,
    [property: JsonPropertyName("passed")] bool Passed)
{
    /// <summary>Candidate minus champion, as measured (negative when the candidate's value is lower).</summary>
    [JsonPropertyName("delta")]
    public double Delta { get; init; }

    /// <summary>Whether a larger value is better for this metric: the direction the thresholds read the delta in.</summary>
    [JsonPropertyName("higher_is_better")]
    public bool HigherIsBetter { get; init; } = true;
}

/// <summary>A failed gate let through on purpose (lineage.json's <c>gate_override</c>): the recorded reason and who gave it.</summary>
public sealed record GateOverride(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("by")] string By);
