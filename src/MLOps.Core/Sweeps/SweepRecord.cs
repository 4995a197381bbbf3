using System.Text.Json.Serialization;

namespace MLOps.Core.Sweeps;

/// <summary>
/// What training.json, lineage and the model card say about the sweep a model won (<c>sweep:</c>): the parent run,
/// the winning trial's number, the metric and its validation value, and how many trials were compared.
/// </summary>
public sealed record SweepRecord(
    [property: JsonPropertyName("parent")] string Parent,
    [property: JsonPropertyName("trial")] int Trial,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("trials")] int Trials);

/// <summary>
/// sweep/winner.json, written when a sweep finishes and read by the train step of the finishing build: the record, the
/// winning trial's run and every parameter it trained with, and the inputs it was swept on (a spec or data change since
/// makes it stale: MLOPS8046).
/// </summary>
public sealed record SweepWinnerFile(
    [property: JsonPropertyName("sweep")] SweepRecord Sweep,
    [property: JsonPropertyName("run_id")] string? RunId,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("spec_sha256")] string SpecSha256,
    [property: JsonPropertyName("data_fingerprint")] string DataFingerprint);
