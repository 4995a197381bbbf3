using System.Text.Json.Serialization;

namespace MLOps.Core.Gates;

/// <summary>
/// The champion evaluated on the candidate's test rows (champion.json, written by the EvaluateChampion step; a gate input, so it lives with the gates: evaluation writes it, gates read it):
/// which version of which feed, the model it holds, and its metrics, or why it could not score the rows.
/// </summary>
public sealed record ChampionEvaluation(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("feed")] string Feed,
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("metrics"), JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] IReadOnlyDictionary<string, double>? Metrics,
    [property: JsonPropertyName("not_comparable")] string? NotComparable);
