using System.Text.Json.Serialization;

namespace MLOps.ModelFormat.Contract;

/// <summary>
/// The lineage manifest packed with every model (lineage.json; documented in docs/lineage.md): which
/// data, code, spec, trainer and tools made the model, how it scored, and the hash of the model file
/// it describes. JSON names are pinned: tools and the runtime read them.
/// </summary>
public sealed record Lineage(
    [property: JsonPropertyName("schema_version")] int SchemaVersion,
    [property: JsonPropertyName("model_id")] string ModelId,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("data")] DataLineage Data,
    [property: JsonPropertyName("code")] CodeLineage Code,
    [property: JsonPropertyName("spec_sha256")] string SpecSha256,
    [property: JsonPropertyName("trainer")] TrainerLineage Trainer,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics,
    [property: JsonPropertyName("gates")] IReadOnlyList<GateVerdict> Gates,
    [property: JsonPropertyName("tools")] ToolVersions Tools,
    [property: JsonPropertyName("model_file")] string ModelFile,
    [property: JsonPropertyName(Lineage.ModelSha256Property)] string ModelSha256,
    [property: JsonPropertyName("trained_at_utc")] DateTimeOffset TrainedAtUtc)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The JSON name of <see cref="ModelSha256"/>: what the registry compares packages by and the runtime verifies.</summary>
    public const string ModelSha256Property = "model_sha256";

    public Lineage WithVersion(string version) => this with { ModelVersion = version };

    /// <summary>Who built the package and on which CI run; absent in lineage written before releases existed.</summary>
    [JsonPropertyName("build"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BuildLineage? Build { get; init; }

    /// <summary>Why the package has its version: the contract compared with the feed's latest.</summary>
    [JsonPropertyName("version_decision"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VersionDecision? VersionDecision { get; init; }

    /// <summary>The candidate against the champion a stage served when it was gated; absent with no champion.</summary>
    [JsonPropertyName("champion"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChampionComparison? Champion { get; init; }

    /// <summary>How the rows were split (random, time or file) and the rows per split; absent in lineage written before splits were recorded.</summary>
    [JsonPropertyName("split"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SplitLineage? Split { get; init; }

    /// <summary>Set when a failed gate was overridden, with the reason recorded.</summary>
    [JsonPropertyName("gate_override"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GateOverride? GateOverride { get; init; }

    /// <summary>The sweep this model won, when a sweep chose its hyperparameters (docs/sweeps.md).</summary>
    [JsonPropertyName("sweep"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SweepLineage? Sweep { get; init; }

    /// <summary>The fresh-data window a retrain trained on (docs/lineage.md); absent for a model trained on its spec's data.</summary>
    [JsonPropertyName("retrain"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RetrainLineage? Retrain { get; init; }
}

/// <summary>The training data; <paramref name="Files"/> lists a folder's parts (absent for a single file).</summary>
public sealed record DataLineage(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("train_rows")] long TrainRows,
    [property: JsonPropertyName("test_rows")] long TestRows,
    [property: JsonPropertyName("schema_sha256")] string SchemaSha256,
    [property: JsonPropertyName("files"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PartFingerprint>? Files = null);

/// <summary>
/// The commit built and whether it reproduces the model: <paramref name="GitDirty"/> is true when tracked files had
/// uncommitted changes or an input is not in the commit; <paramref name="InputsNotInCommit"/> names those inputs (empty
/// when the commit holds them all; absent outside git).
/// </summary>
public sealed record CodeLineage(
    [property: JsonPropertyName("git_commit")] string? GitCommit,
    [property: JsonPropertyName("git_dirty")] bool? GitDirty,
    [property: JsonPropertyName("inputs_not_in_commit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? InputsNotInCommit = null);

public sealed record TrainerLineage(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("split_test_fraction")] double TestFraction,
    [property: JsonPropertyName("split_seed")] int SplitSeed);

public sealed record ToolVersions(
    [property: JsonPropertyName("mlnet")] string MLNet,
    [property: JsonPropertyName("dotnet_sdk")] string? DotNetSdk,
    [property: JsonPropertyName("dotnet_runtime")] string DotNetRuntime,
    [property: JsonPropertyName("mlops")] string MLOps);
