using NuGet.Versioning;

namespace MLOps.Core.Registry;

/// <summary>What publishing one package did to the feed.</summary>
public enum PublishOutcome
{
    /// <summary>The package is now in the feed.</summary>
    Published,

    /// <summary>The same id, version and content was already there: nothing was written (not an error).</summary>
    AlreadyPresent,

    /// <summary>The same id and version is there with a different model (MLOPS5001): nothing was written.</summary>
    Refused,

    /// <summary>The package or the feed could not be used; the diagnostics say why.</summary>
    Failed,
}

/// <summary>
/// The result of <see cref="ModelFeed.PublishAsync"/>. The hashes are the lineage's model_sha256 of the
/// package being published and of the one already in the feed (null for packages without lineage).
/// </summary>
public sealed record PublishResult(
    PublishOutcome Outcome,
    string? PackageId = null,
    NuGetVersion? Version = null,
    string? ModelSha256 = null,
    string? ExistingModelSha256 = null)
{
    /// <summary>True when the feed holds this package afterwards, whether it was written now or before.</summary>
    public bool Succeeded => Outcome is PublishOutcome.Published or PublishOutcome.AlreadyPresent;
}
