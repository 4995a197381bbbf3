using System.Text.Json.Nodes;
using MLOps.Core.Diagnostics;
using MLOps.ModelFormat.Contract;
using NuGet.Packaging;
using NuGet.Versioning;

namespace MLOps.Core.Registry;

/// <summary>A model package's model file and lineage, as read from a feed.</summary>
public sealed record PackagedModel(byte[] Model, JsonObject Lineage)
{
    /// <summary>The lineage's model_sha256, lower-cased.</summary>
    public string? ModelSha256 => PackageLineage.ModelSha256(Lineage);
}

// Reading one version's model out of the registry: the champion a candidate is compared with.
public sealed partial class ModelFeed
{
    /// <summary>
    /// The model.zip and lineage.json packed in <paramref name="packageId"/> <paramref name="version"/>; null when the
    /// feed cannot be read (MLOPS5004), the version is not there or holds no model (MLOPS3005).
    /// </summary>
    public async Task<PackagedModel?> ReadModelAsync(string packageId, NuGetVersion version, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bag);
        (bool ok, MemoryStream? nupkg) = await DownloadAsync(packageId, version, bag, cancellationToken).ConfigureAwait(false);
        if (!ok)
            return null;
        if (nupkg is null)
        {
            bag.Error(Codes.ChampionUnavailable, $"Champion {packageId} {version} is not in feed '{Source}'. Check MLOpsChampionVersion and MLOpsChampionFeed, or leave MLOpsChampionVersion empty when no version is served yet.");
            return null;
        }

        using (nupkg)
        using (var reader = new PackageArchiveReader(nupkg))
        {
            string label = $"Champion {packageId} {version} in feed '{Source}'";
            if (!PackageLineage.TryRead(reader, label, bag, out JsonObject? lineage))
                return null;
            string? entry = PackageLineage.FindEntry(reader, ModelFiles.ModelFile);
            if (lineage is null || entry is null)
            {
                bag.Error(Codes.ChampionUnavailable, $"{label} holds no {ModelFiles.ModelFile} with its {ModelFiles.LineageFile}: it is not a model package. Point MLOpsChampionFeed and MLOpsChampionVersion at the model this one replaces.");
                return null;
            }

            using Stream stream = reader.GetStream(entry);
            using var model = new MemoryStream();
            await stream.CopyToAsync(model, cancellationToken).ConfigureAwait(false);
            return new PackagedModel(model.ToArray(), lineage);
        }
    }
}
