using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;

namespace MLOps.Cli;

/// <summary>The <c>--feed</c> option every registry command takes, and opening the feed it names.</summary>
internal static class FeedOption
{
    /// <summary>The default feed: the folder the build publishes to, under the current directory.</summary>
    public const string DefaultFolder = "artifacts/feed";

    public static Option<string> Create() => new("--feed", "-f")
    {
        Description = $"The feed: a folder (kept in NuGet's v3 layout) or the URL of an http(s) NuGet v3 service index. A relative folder is taken from the current directory.",
        HelpName = "folder|url",
        DefaultValueFactory = _ => DefaultFolder,
    };

    /// <summary>Opens a feed to read from: a folder feed must already exist (reading never creates one).</summary>
    public static ModelFeed? OpenForReading(string source, DiagnosticBag bag)
    {
        bool isUrl = Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && !uri.IsFile;
        string folder = isUrl ? source : Path.GetFullPath(uri?.LocalPath ?? source);
        if (!isUrl && !Directory.Exists(folder))
        {
            bag.Error(Codes.FeedUnavailable, $"Feed folder '{folder}' does not exist. Publish a package to it first ('mlops publish <package.nupkg> --feed {source}'), or check the --feed value.");
            return null;
        }

        return ModelFeed.Open(source, bag);
    }
}
