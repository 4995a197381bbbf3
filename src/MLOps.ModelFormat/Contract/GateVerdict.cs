using System.Text.Json.Serialization;

namespace MLOps.ModelFormat.Contract;

// Here rather than in MLOps.Core.Gates, which makes it: the lineage that a service reads through MLOps.Runtime records the verdicts.
/// <summary>One quality gate applied to one metric: the value, the thresholds and whether it passed (lineage.json's <c>gates</c>).</summary>
public sealed record GateVerdict(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("min")] double? Min,
    [property: JsonPropertyName("max")] double? Max,
    [property: JsonPropertyName("passed")] bool Passed);
