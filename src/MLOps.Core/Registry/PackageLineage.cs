using System.Text.Json;
using System.Text.Json.Nodes;
using MLOps.Core.Diagnostics;
using MLOps.ModelFormat.Contract;
using NuGet.Packaging;

namespace MLOps.Core.Registry;

/// <summary>
/// Finds the lineage manifest inside a nupkg. Two packs of one model never give byte-identical
/// nupkgs (NuGet writes a random .psmdcp name and timestamps), so the registry compares packages by
/// the model_sha256 their lineage records rather than by the nupkg's own hash.
/// </summary>
internal static class PackageLineage
{
    // Packed at ModelFiles.PackageContentPath(<ModelName>) + lineage.json; any folder is accepted so a
    // change of layout in the packaging step does not blind the registry.
    private const string EntrySuffix = "/" + ModelFiles.LineageFile;

    private const string ModelSha256Property = Lineage.ModelSha256Property;

    /// <summary>
    /// Reads the package's lineage. Returns false (and reports MLOPS5006) when a lineage.json is there but
    /// unreadable; returns true with <paramref name="lineage"/> null when the package has none (a library).
    /// </summary>
    public static bool TryRead(PackageArchiveReader reader, string packageLabel, DiagnosticBag bag, out JsonObject? lineage)
    {
        lineage = null;
        string? entry = reader.GetFiles().FirstOrDefault(f =>
            ("/" + f.Replace('\\', '/')).EndsWith(EntrySuffix, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
            return true;

        try
        {
            using Stream stream = reader.GetStream(entry);
            if (JsonNode.Parse(stream) is JsonObject json && ModelSha256(json) is not null)
            {
                lineage = json;
                return true;
            }
        }
        catch (JsonException)
        {
            // Reported below with the same message as a JSON value of the wrong shape.
        }

        bag.Error(Codes.InvalidPackageLineage,
            $"{packageLabel}: '{entry}' is not a JSON object with a '{ModelSha256Property}' string. " +
            "Re-pack the model so its lineage is written by the pipeline.");
        return false;
    }

    /// <summary>The model_sha256 of a lineage object, lower-cased; null when absent or not a string.</summary>
    public static string? ModelSha256(JsonObject? lineage) =>
        lineage?[ModelSha256Property] is JsonValue value && value.TryGetValue(out string? sha)
            ? sha.ToLowerInvariant()
            : null;
}
