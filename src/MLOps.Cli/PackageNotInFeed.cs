using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;

namespace MLOps.Cli;

/// <summary>
/// MLOPS0030 for a package id the feed does not hold (a usage error: exit 2), naming the feed and how to
/// see what it holds: a folder feed's ids are listed in the message, an HTTP feed's are found with
/// <c>dotnet package search</c>.
/// </summary>
internal static class PackageNotInFeed
{
    private const int MaxListed = 20;

    public static void Report(ModelFeed feed, string packageId, DiagnosticBag bag)
    {
        string holds = feed.LocalFolder is { } folder ? FolderIds(folder) : $"List what it holds with 'dotnet package search --source {feed.Source}'.";
        bag.Error(Codes.PackageNotInFeed, $"package {Visible.Quote(packageId)} is not in feed '{feed.Source}'. Check the package id and --feed. {holds}");
    }

    // A folder feed keeps one folder per package id (lower case, NuGet's v3 layout).
    private static string FolderIds(string folder)
    {
        string[] ids = [.. Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)];
        if (ids.Length == 0)
        {
            return "The feed is empty: publish a package to it first ('mlops publish <package.nupkg> --feed <feed>').";
        }

        string more = ids.Length > MaxListed ? $", ... ({ids.Length} in all; each is a folder of the feed)" : "";
        return $"The feed holds: {Visible.List(ids.Take(MaxListed))}{more}.";
    }
}
