using System.Text.Json.Serialization;

namespace MLOps.Runtime;

/// <summary>
/// What a loaded model is, read from its lineage.json when it was loaded: what a service reports on GET /model and
/// writes into every prediction log record, so an answer can be traced to the exact model file and the data and
/// commit that made it.
/// </summary>
/// <param name="Name">The model's name (FlightDelay): the service's model name, else the folder's name (mlops/&lt;Name&gt;/).</param>
/// <param name="PackageId">The package the model came in (lineage's model_id, or the feed's package id).</param>
/// <param name="Version">The model version (the package's version when it came from a feed, else lineage's model_version).</param>
/// <param name="ModelSha256">The sha256 of model.zip, verified against lineage before the model was used.</param>
/// <param name="Commit">The git commit the model was built from (lineage code.git_commit).</param>
/// <param name="DataFingerprint">The training data's fingerprint (lineage data.fingerprint).</param>
/// <param name="Source">Where it was loaded from: a folder path or the feed it was downloaded from.</param>
/// <param name="LoadedAt">When this process loaded it.</param>
public sealed record ModelInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("package_id")] string? PackageId,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("commit")] string? Commit,
    [property: JsonPropertyName("data_fingerprint")] string? DataFingerprint,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("loaded_at")] DateTimeOffset LoadedAt);
