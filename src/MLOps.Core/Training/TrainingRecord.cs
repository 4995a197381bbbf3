using System.Text.Json.Serialization;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Readers;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Training;

/// <summary>
/// What the train step wrote down about the model it made (training.json beside model.zip): the later
/// steps (evaluate, lineage, card) read it instead of recomputing anything.
/// </summary>
public sealed record TrainingRecord(
    [property: JsonPropertyName("model_name")] string ModelName,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("trainer")] string Trainer,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("split_test_fraction")] double TestFraction,
    [property: JsonPropertyName("split_seed")] int SplitSeed,
    [property: JsonPropertyName("data_path")] string DataPath,
    [property: JsonPropertyName("data_fingerprint")] string DataFingerprint,
    [property: JsonPropertyName("schema_sha256")] string SchemaSha256,
    [property: JsonPropertyName("spec_sha256")] string SpecSha256,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("train_rows")] long TrainRows,
    [property: JsonPropertyName("test_rows")] long TestRows,
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("mlnet_version")] string MLNetVersion,
    [property: JsonPropertyName("trained_at_utc")] DateTimeOffset TrainedAtUtc)
{
    /// <summary>For a folder of data files, each part's fingerprint (<see cref="DataFingerprint"/>); null for a single file.</summary>
    [JsonPropertyName("data_files"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PartFingerprint>? DataFiles { get; init; }

    /// <summary>The sweep whose winning trial's parameters this model was trained with (docs/sweeps.md); null otherwise.</summary>
    [JsonPropertyName("sweep"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SweepLineage? Sweep { get; init; }

    /// <summary>How the rows were split and the rows per split (lineage's <c>split</c>); null in records written before it existed.</summary>
    [JsonPropertyName("split"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SplitLineage? Split { get; init; }

    /// <summary>The retrain window this model was trained on (lineage's <c>retrain</c>); null for the spec's own data.</summary>
    [JsonPropertyName("retrain"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RetrainLineage? Retrain { get; init; }
}
