using System.Text.Json.Nodes;
using MLOps.Core.Diagnostics;
using NuGet.Common;
using NuGet.Packaging;
using NuGet.Versioning;

namespace MLOps.Core.Registry;

// Reading the registry: which versions of a model exist, and which model each one holds.
public sealed partial class ModelFeed
{
    /// <summary>
    /// The versions of <paramref name="packageId"/> in the feed, lowest first (pre-releases included);
    /// empty when there are none, or when the feed cannot be read (then MLOPS5004 is reported).
    /// </summary>
    public async Task<IReadOnlyList<NuGetVersion>> GetVersionsAsync(string packageId, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        (_, IReadOnlyList<NuGetVersion> versions) = await TryFeedAsync<IReadOnlyList<NuGetVersion>>(
            async (finder, cache) =>
            {
                IEnumerable<NuGetVersion> found = await finder.GetAllVersionsAsync(packageId, cache, NullLogger.Instance, cancellationToken).ConfigureAwait(false)
                    ?? [];
                return found.Distinct().Order().ToList();
            },
            [], bag, cancellationToken).ConfigureAwait(false);
        return versions;
    }

    /// <summary>
    /// The lineage manifest packed in <paramref name="packageId"/> <paramref name="version"/>; null when that
    /// version is not in the feed, has no lineage (a library), or cannot be read (then a diagnostic says why).
    /// </summary>
    public async Task<JsonObject?> ReadLineageAsync(string packageId, NuGetVersion version, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        (bool ok, MemoryStream? nupkg) = await DownloadAsync(packageId, version, bag, cancellationToken).ConfigureAwait(false);
        if (!ok || nupkg is null)
            return null;
        using (nupkg)
        using (var reader = new PackageArchiveReader(nupkg))
        {
            return PackageLineage.TryRead(reader, $"{packageId} {version} in feed '{Source}'", bag, out JsonObject? lineage) ? lineage : null;
        }
    }

    /// <summary>The lineage's model_sha256 (lowercase hex) of a version in the feed; null as for <see cref="ReadLineageAsync"/>.</summary>
    public async Task<string?> ReadModelSha256Async(string packageId, NuGetVersion version, DiagnosticBag bag, CancellationToken cancellationToken = default) =>
        PackageLineage.ModelSha256(await ReadLineageAsync(packageId, version, bag, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Copies one nupkg out of the feed into memory. Ok is false when the feed failed (reported);
    /// the stream is null when the feed has no such package.
    /// </summary>
    private async Task<(bool Ok, MemoryStream? Nupkg)> DownloadAsync(string packageId, NuGetVersion version, DiagnosticBag bag, CancellationToken cancellationToken) =>
        await TryFeedAsync<MemoryStream?>(
            async (finder, cache) =>
            {
                var buffer = new MemoryStream();
                if (await finder.CopyNupkgToStreamAsync(packageId, version, buffer, cache, NullLogger.Instance, cancellationToken).ConfigureAwait(false))
                {
                    buffer.Position = 0;
                    return buffer;
                }
                await buffer.DisposeAsync().ConfigureAwait(false);
                return null;
            },
            null, bag, cancellationToken).ConfigureAwait(false);
}
