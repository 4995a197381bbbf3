using MLOps.Core.Diagnostics;
using NuGet.Versioning;

namespace MLOps.Core.Registry;

/// <summary>
/// Picks the version to pack a model as, from what the feed already holds: the same model keeps its
/// version (so re-running an unchanged pipeline publishes nothing), a new model gets the next patch, and
/// an explicitly requested version wins when it is valid. Pure: the caller reads the feed.
/// </summary>
public static class VersionResolver
{
    /// <summary>The version a model gets when the feed has none of it yet.</summary>
    public static readonly NuGetVersion FirstVersion = new(1, 0, 0);

    /// <summary>
    /// The highest stable version in <paramref name="published"/>, or null. Pre-releases are ignored: they
    /// are trials, and the next release is numbered after the last real one.
    /// </summary>
    public static NuGetVersion? LatestStable(IEnumerable<NuGetVersion> published) =>
        published.Where(v => !v.IsPrerelease).Max();

    /// <summary>
    /// Resolves the version for a model whose file hashes to <paramref name="currentModelSha256"/>.
    /// <paramref name="latestModelSha256"/> is the model_sha256 of <see cref="LatestStable"/>'s package (null
    /// if it has none). <paramref name="requested"/>, when given, must be SemVer 2.0 (MLOPS4001) and not
    /// below the latest stable version (MLOPS4002). Returns null when a diagnostic was reported.
    /// </summary>
    public static NuGetVersion? Resolve(
        IReadOnlyList<NuGetVersion> published, string? latestModelSha256, string currentModelSha256, string? requested, DiagnosticBag bag)
    {
        NuGetVersion? latest = LatestStable(published);
        if (!string.IsNullOrWhiteSpace(requested))
            return ResolveRequested(requested.Trim(), latest, bag);

        if (latest is null)
            return FirstVersion;
        if (string.Equals(latestModelSha256, currentModelSha256, StringComparison.OrdinalIgnoreCase))
            return latest;
        return new NuGetVersion(latest.Major, latest.Minor, latest.Patch + 1);
    }

    private static NuGetVersion? ResolveRequested(string requested, NuGetVersion? latest, DiagnosticBag bag)
    {
        // Strict SemVer 2.0 (three parts): NuGet's lenient parse would also take "1.0" or "1.0.0.0",
        // which would then be written back in a different form than the user asked for.
        if (!NuGetVersion.TryParseStrict(requested, out NuGetVersion? version))
        {
            bag.Error(Codes.InvalidRequestedVersion,
                $"Requested version '{requested}' is not a valid SemVer 2.0 version. Expected MAJOR.MINOR.PATCH with an optional -prerelease, e.g. '1.2.0' or '1.2.0-rc.1'.");
            return null;
        }

        if (latest is not null && version < latest)
        {
            bag.Error(Codes.RequestedVersionBelowLatest,
                $"Requested version {version} is lower than {latest}, the latest version in the feed. Request {latest.Major}.{latest.Minor}.{latest.Patch + 1} or higher, or leave the version unset to get the next one.");
            return null;
        }

        return version;
    }
}
