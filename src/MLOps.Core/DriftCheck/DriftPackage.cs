using System.Text.RegularExpressions;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using MLOps.Core.Scoring;
using NuGet.Versioning;

namespace MLOps.Core.DriftCheck;

/// <summary>
/// A model package from a feed as a <see cref="DriftModelFolder"/>: <c>Id@Version</c> (or <c>Id</c> for the highest
/// listed version) is downloaded and its model folder (contentFiles/any/any/mlops/&lt;Model&gt;/) extracted to a temp folder by
/// <see cref="ModelPackageFolder"/>.
/// </summary>
public static partial class DriftPackage
{
    /// <summary>True when <paramref name="text"/> reads as a package id with an optional @version (and is not a path that exists).</summary>
    public static bool IsPackageReference(string text) =>
        !Path.Exists(text) && Reference().IsMatch(text) && !text.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && !Data.Readers.DataFiles.Extensions.Any(e => text.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static DriftModelFolder? Fetch(string reference, string feedSource, string tempRoot, DiagnosticBag bag)
    {
        Match match = Reference().Match(reference);
        string id = match.Groups["id"].Value;
        if (ModelFeed.Open(feedSource, bag) is not { } feed)
        {
            return null;
        }

        NuGetVersion? version = match.Groups["version"].Success && NuGetVersion.TryParse(match.Groups["version"].Value, out NuGetVersion? v) ? v : null;
        version ??= match.Groups["version"].Success ? null : Latest(feed.GetListedVersionsAsync(id, bag).GetAwaiter().GetResult());
        byte[]? nupkg = version is null ? null : feed.DownloadBytesAsync(id, version, bag).GetAwaiter().GetResult();
        if (nupkg is null)
        {
            if (!bag.HasErrors)
            {
                bag.Error(Codes.DriftInputNotFound, $"Package {reference} is not in feed '{feed.Source}'{(version is null && !match.Groups["version"].Success ? " (no version of it)" : "")}. Check the id, the version and --feed.");
            }

            return null;
        }

        // The same extraction batch scoring uses: the model folder written whole or not at all.
        string? folder = ModelPackageFolder.Extract(nupkg, id, version!.ToString(), tempRoot, $"Package {id} {version} in feed '{feed.Source}'", Codes.DriftInputNotFound, bag);
        if (folder is null)
        {
            return null;
        }

        return new DriftModelFolder(folder, $"{id} {version}");
    }

    private static NuGetVersion? Latest(IReadOnlyList<NuGetVersion> versions) => versions.Count == 0 ? null : versions[^1];

    [GeneratedRegex(@"^(?<id>[A-Za-z0-9_][A-Za-z0-9_.\-]*)(@(?<version>[^@\s/\\]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
