using System.Text.Json.Serialization;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Sweeps;

/// <summary>
/// sweep/winner.json, written when a sweep finishes and read by the train step of the same build: the sweep record,
/// every parameter the winning trial trained with, and the inputs it was swept on (a spec or data change since makes
/// it stale: MLOPS8046).
/// </summary>
public sealed record SweepWinnerFile(
    [property: JsonPropertyName("sweep")] SweepLineage Sweep,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("spec_sha256")] string SpecSha256,
    [property: JsonPropertyName("data_fingerprint")] string DataFingerprint)
{
    public const string FileName = "winner.json";
}
