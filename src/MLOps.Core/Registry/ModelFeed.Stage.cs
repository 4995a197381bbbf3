using System.IO.Compression;
using System.Security.Cryptography;
using MLOps.Core.Diagnostics;
using NuGet.Common;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace MLOps.Core.Registry;

/// <summary>A version in a stage feed: whether restore can pick it (listed) and when the feed got it.</summary>
public sealed record FeedVersion(NuGetVersion Version, bool Listed, DateTimeOffset? Published);

// Stage operations: what a stage serves, and moving exact package bytes between stages (never rebuilt).
public sealed partial class ModelFeed
{
    /// <summary>The signature entry of a signed nupkg (NuGet's author or repository signature).</summary>
    public const string SignatureEntry = ".signature.p7s";

    /// <summary>
    /// Every version of the package with its listing and publish time: a folder feed lists all it holds (time =
    /// the nupkg's write time); an HTTP feed answers from its registration (<c>listed</c>, <c>published</c>).
    /// </summary>
    public async Task<IReadOnlyList<FeedVersion>> GetFeedVersionsAsync(string packageId, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        if (LocalFolder is not null)
        {
            IReadOnlyList<NuGetVersion> versions = await GetVersionsAsync(packageId, bag, cancellationToken).ConfigureAwait(false);
            return [.. versions.Select(v => new FeedVersion(v, true, FolderPublishTime(packageId, v)))];
        }

        try
        {
            using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true, RefreshMemoryCache = true };
            PackageMetadataResource metadata = await Repository.Factory.GetCoreV3(PackageSource()).GetResourceAsync<PackageMetadataResource>(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The source has no registration resource.");
            IEnumerable<IPackageSearchMetadata> found = await metadata.GetMetadataAsync(
                packageId, includePrerelease: true, includeUnlisted: true, cache, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
            return [.. found.Select(m => new FeedVersion(m.Identity.Version, m.IsListed, m.Published)).OrderBy(v => v.Version)];
        }
        catch (Exception e) when (IsFeedFailure(e, cancellationToken) || e is InvalidOperationException)
        {
            bag.Error(Codes.FeedUnavailable, $"Feed '{Source}' cannot be read: {Redact(e.Message)} Check the source, the network and your credentials.");
            return [];
        }
    }

    /// <summary>The listed versions, lowest first: what a floating reference can resolve to.</summary>
    public async Task<IReadOnlyList<NuGetVersion>> GetListedVersionsAsync(string packageId, DiagnosticBag bag, CancellationToken cancellationToken = default) =>
        [.. (await GetFeedVersionsAsync(packageId, bag, cancellationToken).ConfigureAwait(false)).Where(v => v.Listed).Select(v => v.Version)];

    /// <summary>The exact bytes of one nupkg; null when the feed does not hold it or cannot be read (reported).</summary>
    public async Task<byte[]?> DownloadBytesAsync(string packageId, NuGetVersion version, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        (bool ok, MemoryStream? nupkg) = await DownloadAsync(packageId, version, bag, cancellationToken).ConfigureAwait(false);
        if (!ok || nupkg is null)
            return null;
        using (nupkg)
            return nupkg.ToArray();
    }

    /// <summary>
    /// Pushes exact nupkg bytes (as downloaded from another feed) and checks the feed then serves the same bytes
    /// (sha512). False when the push failed or the bytes differ (reported).
    /// </summary>
    public async Task<bool> AddExactAsync(string packageId, NuGetVersion version, byte[] nupkg, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        string before = Sha512(nupkg);
        string folder = Directory.CreateTempSubdirectory("mlops-stage-").FullName;
        try
        {
            string path = Path.Combine(folder, $"{packageId}.{version.ToNormalizedString()}.nupkg");
            await File.WriteAllBytesAsync(path, nupkg, cancellationToken).ConfigureAwait(false);
            if (!await PushCopyAsync(path, packageId, version, bag, cancellationToken).ConfigureAwait(false))
                return false;
        }
        finally
        {
            IncomingFolders.TryDelete(folder);
        }

        byte[]? after = await DownloadBytesAsync(packageId, version, bag, cancellationToken).ConfigureAwait(false);
        if (after is not null && Sha512(after) == before)
            return true;
        bag.Error(Codes.StageCopyHashMismatch,
            $"{packageId} {version} in feed '{Source}' does not have the bytes that were copied to it (sha512 {before}, the feed serves {(after is null ? "nothing" : Sha512(after))}). " +
            "Remove that version from the feed by hand and run the release again; a package is copied, never rebuilt.");
        return false;
    }

    /// <summary>Takes a version out of what the feed serves: a folder feed deletes its version folder, an HTTP feed gets a DELETE (NuGet servers unlist).</summary>
    public async Task<bool> RemoveAsync(string packageId, NuGetVersion version, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        try
        {
            if (LocalFolder is not null)
            {
                string folder = PackagePusher.VersionFolder(LocalFolder, new NuGet.Packaging.Core.PackageIdentity(packageId, version));
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
                return true;
            }

            if (RefusesInsecureWrite(bag))
                return false;
            PackageUpdateResource updater = await Repository.Factory.GetCoreV3(PackageSource()).GetResourceAsync<PackageUpdateResource>(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The source does not accept deletes.");
            // A refused DELETE (401, 403, 404) is logged by NuGet, not thrown: collect it and report it.
            var messages = new NuGetMessages();
            await updater.Delete(packageId, version.ToNormalizedString(), _ => _apiKey ?? string.Empty, _ => true, noServiceEndpoint: false, allowInsecureConnections: AllowInsecureConnections, messages).ConfigureAwait(false);
            if (messages.Errors.Count > 0)
                throw new InvalidOperationException(string.Join(" ", messages.Errors.Select(m => m.Message)));
            return true;
        }
        catch (Exception e) when (IsFeedFailure(e, cancellationToken) || e is InvalidOperationException or ArgumentException)
        {
            bag.Error(Codes.StageRemoveFailed, $"Removing {packageId} {version} from feed '{Source}' failed: {Redact(e.Message)} Check that the feed is writable and the API key may delete; then run the release again.");
            return false;
        }
    }

    /// <summary>True when the nupkg carries a NuGet signature (a .signature.p7s entry).</summary>
    public static bool IsSigned(byte[] nupkg)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(nupkg), ZipArchiveMode.Read);
            return zip.GetEntry(SignatureEntry) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The sha512 (base64) a folder feed recorded for the package when it was added (.nupkg.sha512); null for an HTTP feed or none.</summary>
    public string? RecordedSha512(string packageId, NuGetVersion version)
    {
        if (LocalFolder is null)
            return null;
        string folder = PackagePusher.VersionFolder(LocalFolder, new NuGet.Packaging.Core.PackageIdentity(packageId, version));
        string? file = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.nupkg.sha512").FirstOrDefault() : null;
        return file is null ? null : File.ReadAllText(file).Trim();
    }

    public static string Sha512(byte[] bytes) => Convert.ToBase64String(SHA512.HashData(bytes));

    private async Task<bool> PushCopyAsync(string path, string packageId, NuGetVersion version, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        try
        {
            if (RefusesInsecureWrite(bag))
                return false;
            await PackagePusher.PushAsync(PackageSource(), LocalFolder, _apiKey, path, new NuGet.Packaging.Core.PackageIdentity(packageId, version), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (IsFeedFailure(e, cancellationToken) || e is InvalidOperationException or ArgumentException or NuGet.Packaging.Core.PackagingException)
        {
            bag.Error(Codes.PushFailed, $"Copying {packageId} {version} to feed '{Source}' failed: {Redact(e.Message)} Check that the feed is writable and the API key is valid, then run the release again.");
            return false;
        }
    }

    private DateTimeOffset? FolderPublishTime(string packageId, NuGetVersion version)
    {
        string folder = PackagePusher.VersionFolder(LocalFolder!, new NuGet.Packaging.Core.PackageIdentity(packageId, version));
        string? nupkg = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.nupkg").FirstOrDefault() : null;
        if (nupkg is null)
            return null;
        DateTime at = File.GetLastWriteTimeUtc(nupkg);
        return new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
