using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops versions</c>: the versions of a package in the feed, newest last, with each model's hash.</summary>
internal static class VersionsCommand
{
    public static Command Create()
    {
        Argument<string> packageId = PackageIdArgument.Create();
        Option<string> feed = FeedOption.Create();
        var command = new CliCommand(
            "versions",
            "Lists the versions of a package in the feed, newest last, one per line; a model package's line also shows the model_sha256 its lineage records.",
            "mlops versions FlightDelay.Model --feed artifacts/feed")
        {
            packageId, feed,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(packageId), parsed.GetRequiredValue(feed),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string packageId, string source, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        if (FeedOption.OpenForReading(source, bag) is { } feed)
        {
            IReadOnlyList<NuGetVersion> versions = await feed.GetVersionsAsync(packageId, bag, cancellationToken).ConfigureAwait(false);
            if (versions.Count == 0 && !bag.HasErrors)
                PackageNotInFeed.Report(feed, packageId, bag);
            foreach (NuGetVersion version in versions)
            {
                string? sha = await feed.ReadModelSha256Async(packageId, version, bag, cancellationToken).ConfigureAwait(false);
                output.WriteLine(sha is null ? version.ToNormalizedString() : $"{version.ToNormalizedString()}  model_sha256 {sha}");
            }
        }

        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }
}
