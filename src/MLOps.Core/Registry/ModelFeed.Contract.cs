using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Versioning;
using NuGet.Packaging;
using NuGet.Versioning;

namespace MLOps.Core.Registry;

// Reading what versions are decided by: a version's model_sha256 and contract.json, from one download.
public sealed partial class ModelFeed
{
    /// <summary>
    /// <paramref name="packageId"/> <paramref name="version"/> as <see cref="VersionResolver"/> compares it: the model_sha256
    /// of its lineage and its contract.json (null when the package has none; MLOPS4005 warns when it is unreadable).
    /// Null when the version is not in the feed or cannot be read (then a diagnostic says why).
    /// </summary>
    public async Task<PublishedModel?> ReadPublishedModelAsync(string packageId, NuGetVersion version, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(bag);
        (bool ok, MemoryStream? nupkg) = await DownloadAsync(packageId, version, bag, cancellationToken).ConfigureAwait(false);
        if (!ok || nupkg is null)
            return null;
        using (nupkg)
        using (var reader = new PackageArchiveReader(nupkg))
        {
            string label = $"{packageId} {version} in feed '{Source}'";
            string? sha = PackageLineage.TryRead(reader, label, bag, out var lineage) ? PackageLineage.ModelSha256(lineage) : null;
            return new PublishedModel(version, sha, ReadContract(reader, label, bag));
        }
    }

    private static ModelContract? ReadContract(PackageArchiveReader reader, string packageLabel, DiagnosticBag bag)
    {
        string? entry = PackageLineage.FindEntry(reader, ModelContract.FileName);
        if (entry is null)
            return null;
        try
        {
            using Stream stream = reader.GetStream(entry);
            if (JsonSerializer.Deserialize<ModelContract>(stream) is { Inputs: not null, Outputs: not null } contract)
                return contract;
        }
        catch (JsonException)
        {
            // Reported below, as for a contract of the wrong shape.
        }

        bag.Warning(Codes.PackageContractUnreadable,
            $"{packageLabel}: '{entry}' is not a model contract, so the new version cannot be compared with it and is decided as MAJOR. Publish a version packed by this SDK to compare with.");
        return null;
    }
}
