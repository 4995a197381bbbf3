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
    private const string ModelSha256Property = Lineage.ModelSha256Property;

    /// <summary>
    /// Reads the package's lineage. Returns false (and reports MLOPS5006) when a lineage.json is there but
    /// unreadable; returns true with <paramref name="lineage"/> null when the package has none (a library).
    /// </summary>
    public static bool TryRead(PackageArchiveReader reader, string packageLabel, DiagnosticBag bag, out JsonObject? lineage)
    {
        lineage = null;
        string? entry = FindEntry(reader, ModelFiles.LineageFile);
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
    public static string? ModelSha256(JsonObject? lineage) => Text(lineage, ModelSha256Property)?.ToLowerInvariant();

    /// <summary>
    /// The string at <paramref name="path"/> (nested keys) in a lineage object; null when any key is absent or the value
    /// is not a string. Feeds hold lineage of every age and origin, so the registry reads it leniently, key by key.
    /// </summary>
    public static string? Text(JsonObject? lineage, params string[] path)
    {
        JsonNode? node = lineage;
        foreach (string key in path)
            node = node is JsonObject o ? o[key] : null;
        return node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
    }

    /// <summary>
    /// The package entry named <paramref name="fileName"/> in any folder (the model's files are packed under
    /// ModelFiles.PackageContentPath(<c>Name</c>); any folder is accepted so a change of layout in the packaging step
    /// does not blind the registry); null when there is none.
    /// </summary>
    public static string? FindEntry(PackageArchiveReader reader, string fileName) =>
        reader.GetFiles().FirstOrDefault(f => ("/" + f.Replace('\\', '/')).EndsWith("/" + fileName, StringComparison.OrdinalIgnoreCase));
}
