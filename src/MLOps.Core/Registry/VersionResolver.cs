using MLOps.Core.Diagnostics;
using MLOps.Core.Versioning;
using MLOps.ModelFormat.Contract;
using NuGet.Versioning;

namespace MLOps.Core.Registry;

/// <summary>A version of the model in the feed: its model_sha256 and contract (null when it has none, or none was read).</summary>
public sealed record PublishedModel(NuGetVersion Version, string? ModelSha256, ModelContract? Contract);

/// <summary>
/// What a version is resolved from: the feed's versions, its latest stable one as read, this model's hash and contract,
/// an explicit MLOpsVersion, the pre-release label (null for a release) and a way to read a pre-release's model_sha256.
/// </summary>
public sealed record VersionRequest(
    IReadOnlyList<NuGetVersion> Published,
    PublishedModel? Latest,
    string ModelSha256,
    ModelContract Contract,
    string? Requested = null,
    PrereleaseLabel? Prerelease = null,
    Func<NuGetVersion, string?>? ModelSha256Of = null);

/// <summary>The version chosen and why.</summary>
public sealed record ResolvedVersion(NuGetVersion Version, VersionDecision Decision)
{
    /// <summary>"FlightDelay.Model 1.1.0 (minor: new optional input 'Carrier'; previous 1.0.3)".</summary>
    public string Describe(string packageId) =>
        $"{packageId} {Version.ToNormalizedString()} ({Decision.Change}: {Decision.Reason}{(Decision.Previous is { } p ? $"; previous {p}" : "")}{(Decision.Prerelease is { } why ? $"; pre-release: {why}" : "")})";
}

/// <summary>
/// Picks the version to pack a model as (docs/registry.md#versions): the contract compared with the feed's latest stable
/// version decides MAJOR, MINOR or PATCH; 1.0.0 first; the same model as the latest keeps its version (nothing to publish);
/// a pre-release label gives &lt;next&gt;-&lt;label&gt;.&lt;n&gt;, reusing the pre-release that already holds this model;
/// an explicit, valid version wins. Pure: the caller reads the feed.
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
    /// Resolves the version. A requested version must be SemVer 2.0 (MLOPS4001) and not below the latest stable
    /// version (MLOPS4002). Returns null when a diagnostic was reported.
    /// </summary>
    public static ResolvedVersion? Resolve(VersionRequest request, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bag);
        PublishedModel? latest = request.Latest;
        string? previous = latest?.Version.ToNormalizedString();
        if (!string.IsNullOrWhiteSpace(request.Requested))
        {
            return ResolveRequested(request.Requested.Trim(), latest?.Version, bag) is { } requested
                ? new(requested, new VersionDecision("requested", previous, $"MLOpsVersion={requested.ToNormalizedString()}", []))
                : null;
        }

        if (latest is not null && string.Equals(latest.ModelSha256, request.ModelSha256, StringComparison.OrdinalIgnoreCase))
            return new(latest.Version, new VersionDecision("same", previous, $"the same model as {previous}: nothing to publish", []));

        (NuGetVersion next, VersionDecision decision) = Next(latest, request.Contract);
        return request.Prerelease is { } label ? Prerelease(next, decision, label, request) : new(next, decision);
    }

    private static (NuGetVersion Next, VersionDecision Decision) Next(PublishedModel? latest, ModelContract contract)
    {
        if (latest is null)
            return (FirstVersion, new VersionDecision("first", null, "the first version in the feed", []));

        NuGetVersion v = latest.Version;
        string previous = v.ToNormalizedString();
        if (latest.Contract is null)
        {
            return (new NuGetVersion(v.Major + 1, 0, 0), new VersionDecision("major", previous,
                $"{previous} has no {ModelContract.FileName} to compare with", [$"{previous} has no {ModelContract.FileName}"]));
        }

        IReadOnlyList<ContractChange> changes = ContractDiff.Compare(latest.Contract, contract);
        string[] described = [.. changes.Select(c => c.Description)];
        return ContractDiff.Level(changes) switch
        {
            ContractChangeLevel.Major => (new NuGetVersion(v.Major + 1, 0, 0), new VersionDecision("major", previous, string.Join(", ", described), described)),
            ContractChangeLevel.Minor => (new NuGetVersion(v.Major, v.Minor + 1, 0), new VersionDecision("minor", previous, string.Join(", ", described), described)),
            _ => (new NuGetVersion(v.Major, v.Minor, v.Patch + 1), new VersionDecision("patch", previous, "retrained with the same contract", [])),
        };
    }

    // <next>-<label>.<n>: the pre-release of this base and label that already holds this model, else 1 + the highest n.
    private static ResolvedVersion Prerelease(NuGetVersion next, VersionDecision decision, PrereleaseLabel label, VersionRequest request)
    {
        var numbered = request.Published
            .Where(v => v.Version == next.Version && v.ReleaseLabels.Count() == 2 && string.Equals(v.ReleaseLabels.First(), label.Label, StringComparison.OrdinalIgnoreCase))
            .Select(v => (Version: v, N: int.TryParse(v.ReleaseLabels.Last(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : -1))
            .Where(p => p.N > 0)
            .OrderByDescending(p => p.N)
            .ToList();
        decision = decision with { Prerelease = label.Why };
        foreach ((NuGetVersion existing, _) in numbered)
        {
            if (string.Equals(request.ModelSha256Of?.Invoke(existing), request.ModelSha256, StringComparison.OrdinalIgnoreCase))
                return new(existing, decision with { Change = "same", Reason = $"the same model as {existing.ToNormalizedString()}: nothing to publish", Changes = [] });
        }

        int number = numbered.Count == 0 ? 1 : numbered[0].N + 1;
        return new(new NuGetVersion(next.Major, next.Minor, next.Patch, [label.Label, number.ToString(System.Globalization.CultureInfo.InvariantCulture)], null), decision);
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
