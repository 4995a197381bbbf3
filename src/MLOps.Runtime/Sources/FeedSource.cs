using MLOps.ModelFormat.Contract;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace MLOps.Runtime;

/// <summary>
/// A NuGet feed serving the model's package (what the pipeline publishes to a stage): the newer version is the highest
/// one above the served version. Each version is downloaded once into the cache folder, checked (a readable package of
/// the id and version asked for, with model content) and extracted; the service then loads and verifies it as any folder.
/// </summary>
internal sealed class FeedSource(string feed, string packageId, bool includePrerelease, string cacheDirectory) : IModelSource
{
    public async Task<ModelCandidate?> FindNewerAsync(ModelInfo current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(current);
        // Fresh caches each poll: NuGet keeps version lists in memory, and a new version must be seen when pushed.
        using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true, RefreshMemoryCache = true };
        FindPackageByIdResource finder = await FinderAsync(ct).ConfigureAwait(false);
        IEnumerable<NuGetVersion> versions = await Feed(() => finder.GetAllVersionsAsync(packageId, cache, NullLogger.Instance, ct)).ConfigureAwait(false);
        NuGetVersion? served = ServedVersion(current);
        NuGetVersion? newest = versions.Where(v => includePrerelease || !v.IsPrerelease).Where(v => served is null || v > served).Max();
        if (newest is null)
        {
            return null;
        }

        string version = newest.ToNormalizedString();
        string folder = Path.Combine(cacheDirectory, packageId.ToLowerInvariant(), version, current.Name);
        if (!File.Exists(Path.Combine(folder, ModelFiles.LineageFile)))
        {
            await DownloadAsync(finder, cache, newest, current.Name, folder, ct).ConfigureAwait(false);
        }

        return new ModelCandidate(folder, new ModelOrigin(PackageId: packageId, Version: version, Source: feed), $"{packageId}@{version}");
    }

    // The served version counts only when the served model came in this package (or does not say which).
    private NuGetVersion? ServedVersion(ModelInfo current) =>
        (current.PackageId is null || string.Equals(current.PackageId, packageId, StringComparison.OrdinalIgnoreCase))
        && NuGetVersion.TryParse(current.Version, out NuGetVersion? v) ? v : null;

    private async Task<FindPackageByIdResource> FinderAsync(CancellationToken ct)
    {
        // Reading only: no API key is ever sent, and the model inside is verified against its lineage after download.
        SourceRepository repository = Repository.Factory.GetCoreV3(new PackageSource(feed) { AllowInsecureConnections = true });
        return await Feed(() => repository.GetResourceAsync<FindPackageByIdResource>(ct)).ConfigureAwait(false)
            ?? throw new ModelLoadException(RuntimeCodes.SourceUnreachable, $"'{feed}' is not a NuGet feed that can list packages. Give a folder feed or an http(s) NuGet v3 service index URL.");
    }

    private async Task DownloadAsync(FindPackageByIdResource finder, SourceCacheContext cache, NuGetVersion version, string modelName, string folder, CancellationToken ct)
    {
        string id = $"{packageId} {version.ToNormalizedString()}";
        using var nupkg = new MemoryStream();
        if (!await Feed(() => finder.CopyNupkgToStreamAsync(packageId, version, nupkg, cache, NullLogger.Instance, ct)).ConfigureAwait(false))
        {
            throw new ModelLoadException(RuntimeCodes.SourceUnreachable, $"'{feed}' lists {id} but did not serve it. Check the feed.");
        }

        nupkg.Position = 0;
        PackageContent.Extract(nupkg, packageId, version, modelName, folder, $"{id} from '{feed}'");
    }

    private async Task<T> Feed<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (e is FatalProtocolException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            throw new ModelLoadException(RuntimeCodes.SourceUnreachable, $"The feed '{feed}' cannot be read: {e.Message} Check the source and the network; the current model keeps serving.", e);
        }
    }
}
