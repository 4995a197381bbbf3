namespace MLOps.Runtime;

/// <summary>
/// What the loader cannot read from the model folder itself: the model's name, the package and version it came in and
/// where it came from. Null members fall back to the folder (its name) and lineage.json (model_id, model_version).
/// </summary>
public sealed record ModelOrigin(string? Name = null, string? PackageId = null, string? Version = null, string? Source = null);
