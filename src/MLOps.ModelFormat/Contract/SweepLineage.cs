using System.Text.Json.Serialization;

namespace MLOps.ModelFormat.Contract;

/// <summary>
/// The sweep a model won (training.json and lineage <c>sweep</c>, docs/sweeps.md): the sweep's parent run in the run
/// store, the winning trial's number and run, the metric it was chosen by and its value on the validation split, and
/// how many trials were compared.
/// </summary>
public sealed record SweepLineage(
    [property: JsonPropertyName("parent")] string Parent,
    [property: JsonPropertyName("trial")] int Trial,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("trials")] int Trials,
    [property: JsonPropertyName("run_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RunId = null);
