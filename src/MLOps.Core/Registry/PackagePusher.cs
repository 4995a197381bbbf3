using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Packaging.Signing;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace MLOps.Core.Registry;

/// <summary>
/// Writes one nupkg into a feed with NuGet's own code, so the result is what NuGet tools write and read.
/// </summary>
internal static class PackagePusher
{
    private const int PushTimeoutSeconds = 5 * 60;

    /// <summary>Adds the package; throws what NuGet throws (the caller reports it).</summary>
    public static async Task PushAsync(PackageSource source, string? localFolder, string? apiKey, string nupkgPath, PackageIdentity identity, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // PackageUpdateResource.Push writes a flat (v2) folder unless the folder already holds a v3
        // package, so a new feed would start flat. For any folder not already flat, use what Push itself
        // uses for v3 folders (and 'nuget add' uses): OfflineFeedUtility, giving <id>/<version>/ with the
        // .nupkg, .nupkg.sha512 and .nuspec that restore expects.
        if (localFolder is not null && LocalFolderUtility.GetLocalFeedType(localFolder, NullLogger.Instance) != FeedType.FileSystemV2)
            await AddToFolderAsync(localFolder, nupkgPath, identity, cancellationToken).ConfigureAwait(false);
        else
            await PushToSourceAsync(source, apiKey, nupkgPath).ConfigureAwait(false);
    }

    /// <summary>
    /// Where a folder feed keeps one package in the v3 layout.
    /// </summary>
    public static string VersionFolder(string localFolder, PackageIdentity identity) =>
        Path.Combine(localFolder, identity.Id.ToLowerInvariant(), identity.Version.ToNormalizedString().ToLowerInvariant());

    // A process killed while NuGet extracts into <id>/<version>/ would leave a half-written version that
    // restore then fails on. So the whole version folder is written into a staging folder beside the
    // feed's id folders and renamed into place: a rename within one file system is atomic, and a reader
    // sees either no version folder or a complete one. The staging folder's name starts with a dot, which
    // no package id or version can, so NuGet never reads it as a package.
    private static async Task AddToFolderAsync(string folder, string nupkgPath, PackageIdentity identity, CancellationToken cancellationToken)
    {
        IncomingFolders.RemoveStale(folder);
        string staging = IncomingFolders.Create(folder);
        try
        {
            var extraction = new PackageExtractionContext(
                PackageSaveMode.Defaultv3,
                XmlDocFileSaveMode.None,
                ClientPolicyContext.GetClientPolicy(NullSettings.Instance, NullLogger.Instance),
                NullLogger.Instance);
            var context = new OfflineFeedAddContext(
                nupkgPath, staging, NullLogger.Instance,
                throwIfSourcePackageIsInvalid: true, throwIfPackageExistsAndInvalid: true, throwIfPackageExists: true,
                extraction);
            await OfflineFeedUtility.AddPackageToSource(context, cancellationToken).ConfigureAwait(false);

            string target = VersionFolder(folder, identity);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Throws IOException when the version appeared in the meantime (a concurrent publish): the caller
            // has already compared with what the feed holds, so that is reported, never overwritten.
            Directory.Move(VersionFolder(staging, identity), target);
        }
        finally
        {
            IncomingFolders.TryDelete(staging);
        }
    }

    private static async Task PushToSourceAsync(PackageSource source, string? apiKey, string nupkgPath)
    {
        PackageUpdateResource updater = await Repository.Factory.GetCoreV3(source).GetResourceAsync<PackageUpdateResource>().ConfigureAwait(false)
            ?? throw new InvalidOperationException("The source does not accept pushes.");
        // Models ship no symbol packages: no symbol source and no snupkg. Failures the server answers with
        // (401, 403, 409) are logged, not thrown, so the messages are collected and turned into an exception.
        var messages = new NuGetMessages();
        await updater.PushAsync(
            [nupkgPath], symbolSource: string.Empty, PushTimeoutSeconds, disableBuffering: false,
            getApiKey: _ => apiKey ?? string.Empty, getSymbolApiKey: _ => string.Empty, noServiceEndpoint: false,
            skipDuplicate: false, allowSnupkg: false, allowInsecureConnections: source.AllowInsecureConnections, messages).ConfigureAwait(false);
        if (messages.Errors.Count > 0)
            throw new InvalidOperationException(string.Join(" ", messages.Errors.Select(m => m.Message)));
    }
}
