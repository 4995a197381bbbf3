using System.Text.Json.Nodes;
using System.Xml;
using MLOps.Core.Diagnostics;
using NuGet.Packaging;
using NuGet.Packaging.Core;

namespace MLOps.Core.Registry;

// Publishing: a version is immutable, so a push either adds a new id+version, is a no-op for the same
// content, or is refused. "Same content" means the same model_sha256 in the lineage, because two packs of
// one model never give byte-identical nupkgs; packages without lineage (libraries) match on id+version.
public sealed partial class ModelFeed
{
    /// <summary>Publishes one nupkg; see <see cref="PublishOutcome"/> for what can happen.</summary>
    public async Task<PublishResult> PublishAsync(string nupkgPath, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        string path = Path.GetFullPath(nupkgPath);
        if (!File.Exists(path))
        {
            bag.Error(Codes.PackageFileNotFound, $"Package '{path}' does not exist. Run 'dotnet pack' for the model first, or check the path.", path);
            return new PublishResult(PublishOutcome.Failed);
        }

        if (!TryReadPackage(path, bag, out PackageIdentity? identity, out string? modelSha256))
            return new PublishResult(PublishOutcome.Failed);

        (bool ok, MemoryStream? existing) = await DownloadAsync(identity.Id, identity.Version, bag, cancellationToken).ConfigureAwait(false);
        if (!ok)
            return new PublishResult(PublishOutcome.Failed, identity.Id, identity.Version, modelSha256);
        if (existing is not null)
            return CompareWithExisting(path, identity, modelSha256, existing, bag);

        if (RefusesInsecureWrite(bag, path))
            return new PublishResult(PublishOutcome.Failed, identity.Id, identity.Version, modelSha256);
        return await PushAsync(path, identity, modelSha256, bag, cancellationToken).ConfigureAwait(false);
    }

    private PublishResult CompareWithExisting(string path, PackageIdentity identity, string? modelSha256, MemoryStream existing, DiagnosticBag bag)
    {
        string? existingSha256;
        using (existing)
        using (var reader = new PackageArchiveReader(existing))
        {
            if (!PackageLineage.TryRead(reader, $"{identity.Id} {identity.Version} in feed '{Source}'", bag, out JsonObject? lineage))
                return new PublishResult(PublishOutcome.Failed, identity.Id, identity.Version, modelSha256);
            existingSha256 = PackageLineage.ModelSha256(lineage);
        }

        if (string.Equals(modelSha256, existingSha256, StringComparison.Ordinal))
            return new PublishResult(PublishOutcome.AlreadyPresent, identity.Id, identity.Version, modelSha256, existingSha256);

        bag.Error(Codes.VersionAlreadyPublished,
            $"{identity.Id} {identity.Version} is already in feed '{Source}' with a different model: the feed holds " +
            $"model_sha256 {existingSha256 ?? "(none: no lineage)"}, this package holds {modelSha256 ?? "(none: no lineage)"}. " +
            $"A published version is immutable: bump the version (or let the pipeline pick the next one), or unlist " +
            $"{identity.Id} {identity.Version} if it was published by mistake and publish the model under a new version.",
            path);
        return new PublishResult(PublishOutcome.Refused, identity.Id, identity.Version, modelSha256, existingSha256);
    }

    private static bool TryReadPackage(string path, DiagnosticBag bag, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PackageIdentity? identity, out string? modelSha256)
    {
        identity = null;
        modelSha256 = null;
        try
        {
            using var reader = new PackageArchiveReader(path);
            PackageIdentity read = reader.GetIdentity();
            if (!PackageLineage.TryRead(reader, path, bag, out JsonObject? lineage))
                return false;
            (identity, modelSha256) = (read, PackageLineage.ModelSha256(lineage));
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or PackagingException or XmlException or IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.InvalidPackageFile, $"'{path}' is not a valid NuGet package: {e.Message} Expected a .nupkg written by 'dotnet pack'.", path);
            return false;
        }
    }

    private async Task<PublishResult> PushAsync(string path, PackageIdentity identity, string? modelSha256, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        // A folder feed's version folder appears whole or not at all (PackagePusher stages and renames it),
        // so a failure leaves nothing to clean up here.
        try
        {
            await PackagePusher.PushAsync(PackageSource(), LocalFolder, _apiKey, path, identity, cancellationToken).ConfigureAwait(false);
            return new PublishResult(PublishOutcome.Published, identity.Id, identity.Version, modelSha256);
        }
        catch (Exception e) when (IsFeedFailure(e, cancellationToken) || e is InvalidOperationException or ArgumentException or PackagingException)
        {
            bag.Error(Codes.PushFailed, $"Pushing {identity.Id} {identity.Version} to feed '{Source}' failed: {Redact(e.Message)} Check that the feed is writable and the API key is valid, then publish again.", path);
            return new PublishResult(PublishOutcome.Failed, identity.Id, identity.Version, modelSha256);
        }
    }
}
