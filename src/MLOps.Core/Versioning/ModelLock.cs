using System.Text.Json.Serialization;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.IO;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Versioning;

/// <summary>
/// model.lock.json beside the model spec, DVC's dvc.lock for one model: which data (path relative to the
/// spec, content fingerprint; a folder's parts too), schema and spec the model is built from. Committed with the spec, so a
/// review diff shows when the data changed. Deterministic (no timestamps, paths with '/'), rewritten only
/// when a hash or path changes.
/// </summary>
public sealed record ModelLock(
    [property: JsonPropertyName("schema_version")] int SchemaVersion,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("spec")] LockedFile Spec,
    [property: JsonPropertyName("data")] LockedFile Data,
    [property: JsonPropertyName("schema")] LockedFile Schema)
{
    public const string FileName = "model.lock.json";

    /// <summary>The separate test data (split.test-data), locked like the data; absent when the spec names none.</summary>
    [JsonPropertyName("test_data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LockedFile? TestData { get; init; }

    /// <summary>This lock with the separate test data at <paramref name="testDataFile"/> (path relative to the spec) and its fingerprint.</summary>
    public ModelLock WithTestData(string specFile, string testDataFile, DataFingerprint fingerprint) => this with
    {
        TestData = new LockedFile(PortablePath.Relative(Path.GetDirectoryName(Path.GetFullPath(specFile))!, testDataFile), Fingerprint: fingerprint.Value, Files: fingerprint.Files),
    };

    /// <param name="dataFiles">For a folder of data files, each part's fingerprint (<see cref="DataFingerprint.Files"/>); null for a single file.</param>
    public static ModelLock For(string modelName, string specFile, string dataFile, string schemaFile, InputHashes hashes, IReadOnlyList<PartFingerprint>? dataFiles = null)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(specFile))!;
        return new ModelLock(
            1,
            modelName,
            new LockedFile(PortablePath.Relative(folder, specFile), Sha256: hashes.SpecSha256),
            new LockedFile(PortablePath.Relative(folder, dataFile), Fingerprint: hashes.DataFingerprint, Files: dataFiles),
            new LockedFile(PortablePath.Relative(folder, schemaFile), Sha256: hashes.SchemaSha256));
    }

    /// <summary>Writes the lock file unless it already holds exactly this; returns whether it wrote.</summary>
    public bool Write(string path) => JsonFile.Write(path, this);
}

/// <summary>One locked file: its path relative to the spec and its hash (xxh128 fingerprint for data, sha256 otherwise);
/// for a folder of data files also each part's path relative to the folder and fingerprint, so a diff shows which part changed.</summary>
public sealed record LockedFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("fingerprint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fingerprint = null,
    [property: JsonPropertyName("sha256"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sha256 = null,
    [property: JsonPropertyName("files"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PartFingerprint>? Files = null);
