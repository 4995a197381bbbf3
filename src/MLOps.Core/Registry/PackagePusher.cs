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
    public static async Task PushAsync(PackageSource source, string? localFolder, string? apiKey, string nupkgPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // PackageUpdateResource.Push writes a flat (v2) folder unless the folder already holds a v3
        // package, so a new feed would start flat. For any folder not already flat, use what Push itself
        // uses for v3 folders (and 'nuget add' uses): OfflineFeedUtility, giving <id>/<version>/ with the
        // .nupkg, .nupkg.sha512 and .nuspec that restore expects.
        if (localFolder is not null && LocalFolderUtility.GetLocalFeedType(localFolder, NullLogger.Instance) != FeedType.FileSystemV2)
            await AddToFolderAsync(localFolder, nupkgPath, cancellationToken).ConfigureAwait(false);
        else
            await PushToSourceAsync(source, apiKey, nupkgPath).ConfigureAwait(false);
    }

    /// <summary>
    /// Where a folder feed keeps one package in the v3 layout; a failed push may have to remove it.
    /// </summary>
    public static string VersionFolder(string localFolder, PackageIdentity identity) =>
        Path.Combine(localFolder, identity.Id.ToLowerInvariant(), identity.Version.ToNormalizedString().ToLowerInvariant());

    private static async Task AddToFolderAsync(string folder, string nupkgPath, CancellationToken cancellationToken)
    {
        var extraction = new PackageExtractionContext(
            PackageSaveMode.Defaultv3,
            XmlDocFileSaveMode.None,
            ClientPolicyContext.GetClientPolicy(NullSettings.Instance, NullLogger.Instance),
            NullLogger.Instance);
        // The caller has already compared with what the feed holds; throwing if the package appeared in
        // the meantime turns a concurrent publish into a reported failure instead of a silent skip.
        var context = new OfflineFeedAddContext(
            nupkgPath, folder, NullLogger.Instance,
            throwIfSourcePackageIsInvalid: true, throwIfPackageExistsAndInvalid: true, throwIfPackageExists: true,
            extraction);
        await OfflineFeedUtility.AddPackageToSource(context, cancellationToken).ConfigureAwait(false);
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
