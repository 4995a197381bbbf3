using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops lineage</c>: the lineage manifest packed in one version of a model package.</summary>
internal static class LineageCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        Argument<string> packageId = PackageIdArgument.Create();
        var version = new Option<NuGetVersion?>("--version", "-v")
        {
            Description = "The version to show. Default: the latest stable version in the feed.",
            HelpName = "version",
            CustomParser = result =>
            {
                string text = result.Tokens.Single().Value;
                if (NuGetVersion.TryParse(text, out NuGetVersion? parsed))
                    return parsed;
                result.AddError($"'{text}' is not a valid package version. Expected MAJOR.MINOR.PATCH with an optional -prerelease, e.g. 1.2.0 or 1.2.0-rc.1.");
                return null;
            },
        };
        Option<string> feed = FeedOption.Create();
        var command = new CliCommand(
            "lineage",
            "Prints the lineage JSON (data fingerprint, spec, metrics, model_sha256, ...) packed in a version of a model package.",
            "mlops lineage FlightDelay.Model --feed artifacts/feed",
            "mlops lineage FlightDelay.Model --version 1.0.2 --feed artifacts/feed")
        {
            packageId, version, feed,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(packageId), parsed.GetValue(version), parsed.GetRequiredValue(feed),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string packageId, NuGetVersion? version, string source, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        if (FeedOption.OpenForReading(source, bag) is not { } feed)
        {
            Reporter.Write(error, bag);
            return ExitCodes.For(bag);
        }

        IReadOnlyList<NuGetVersion> versions = await feed.GetVersionsAsync(packageId, bag, cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0 && !bag.HasErrors)
            PackageNotInFeed.Report(feed, packageId, bag);
        if (bag.HasErrors)
        {
            Reporter.Write(error, bag);
            return ExitCodes.For(bag);
        }

        NuGetVersion? chosen = version is null ? VersionResolver.LatestStable(versions) : versions.FirstOrDefault(v => v == version);
        if (chosen is null)
        {
            string held = versions.Count == 0 ? "none" : string.Join(", ", versions.Select(v => v.ToNormalizedString()));
            string wanted = version is null ? "has no stable version" : $"has no version {version}";
            return Reporter.UsageError(error, $"{packageId} {wanted} in feed '{feed.Source}'. Versions in the feed: {held}.");
        }

        JsonObject? lineage = await feed.ReadLineageAsync(packageId, chosen, bag, cancellationToken).ConfigureAwait(false);
        Reporter.Write(error, bag);
        if (bag.HasErrors)
            return ExitCodes.For(bag);
        if (lineage is null)
            return Reporter.UsageError(error, $"{packageId} {chosen} has no lineage: it is a library, not a model package.");

        output.WriteLine(lineage.ToJsonString(Indented));
        return ExitCodes.Success;
    }
}
