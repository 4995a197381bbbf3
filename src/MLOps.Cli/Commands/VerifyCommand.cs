using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using MLOps.Core.Releases;
using NuGet.Versioning;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops verify</c>: a model package against its lineage, and its lineage against the commit it names.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var package = new Argument<string>("package")
        {
            Description = "A .nupkg file, or id@version of a package in a feed (e.g. FlightDelay.Model@1.2.0).",
        }.RejectingOptions();
        var stage = new Option<string?>("--stage") { Description = "For id@version: read the package from this stage's feed (stages.yaml). Default: the first stage.", HelpName = "stage" };
        var feed = new Option<string?>("--feed", "-f") { Description = "For id@version: read the package from this feed (folder or http(s) URL) instead of a stage's.", HelpName = "folder|url" };
        Option<string?> directory = ReleaseOptions.Directory();
        var command = new CliCommand(
            "verify",
            "Checks a model package: the model file against the lineage's model_sha256, the lineage's commit is in the repository, and the spec and schema at that commit against the lineage's spec_sha256 and data.schema_sha256. Exit 1 on a mismatch.",
            "mlops verify FlightDelay.Model@1.2.0 --stage production",
            "mlops verify artifacts/packages/FlightDelay.Model.1.2.0.nupkg")
        {
            package, stage, feed, directory,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(stage) is not null && result.GetResult(feed) is not null)
                result.AddError("Give --stage or --feed, not both.");
        });
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(package), parsed.GetValue(stage), parsed.GetValue(feed), parsed.GetValue(directory),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string package, string? stageName, string? source, string? directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        string start = ReleaseOptions.Start(directory);
        (byte[]? nupkg, string label) = await ReadAsync(package, stageName, source, start, bag, cancellationToken).ConfigureAwait(false);
        if (nupkg is null)
            return ReleaseOptions.Finish(error, bag);
        IReadOnlyList<string> checks = PackageVerifier.Verify(nupkg, label, RepositoryRoot.Find(start), bag);
        output.WriteLine(label);
        foreach (string check in checks)
            output.WriteLine($"  {check}");
        output.WriteLine(bag.HasErrors ? "verify failed" : "verified");
        return ReleaseOptions.Finish(error, bag);
    }

    private static async Task<(byte[]? Nupkg, string Label)> ReadAsync(string package, string? stageName, string? source, string start, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        int at = package.LastIndexOf('@');
        if (at <= 0 || package.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
        {
            string path = Path.GetFullPath(package, start);
            if (File.Exists(path))
                return (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), path);
            bag.Error(Codes.PackageFileNotFound, $"Package '{path}' does not exist. Give a .nupkg file or id@version (e.g. FlightDelay.Model@1.2.0).", path);
            return (null, path);
        }

        string id = package[..at];
        if (!NuGetVersion.TryParse(package[(at + 1)..], out NuGetVersion? version))
        {
            bag.Error(Codes.InvalidRequestedVersion, $"'{package[(at + 1)..]}' in '{package}' is not a valid package version. Expected id@MAJOR.MINOR.PATCH, e.g. FlightDelay.Model@1.2.0.");
            return (null, package);
        }

        string? feedSource = source;
        if (feedSource is null)
        {
            if (StagesConfig.Find(start, bag) is not { } stages)
                return (null, package);
            Stage? stage = stageName is null ? stages.Stages[0] : stages.Find(stageName);
            if (stage is null)
            {
                bag.Error(Codes.UnknownStage, $"Unknown stage {Visible.Quote(stageName)}. The stages are: {string.Join(", ", stages.Stages.Select(s => s.Name))} ({stages.File ?? "the defaults: no stages.yaml"}).");
                return (null, package);
            }

            feedSource = stage.Feed;
        }

        if (FeedOption.OpenForReading(feedSource, bag) is not { } feed)
            return (null, package);
        byte[]? nupkg = await feed.DownloadBytesAsync(id, version, bag, cancellationToken).ConfigureAwait(false);
        if (nupkg is null && !bag.HasErrors)
            bag.Error(Codes.PackageNotInFeed, $"{id} {version} is not in feed '{feed.Source}'. Check the id, the version and --stage/--feed ('mlops versions {id} --feed {feed.Source}' lists what it holds).");
        return (nupkg, $"{id} {version.ToNormalizedString()} in feed '{feed.Source}'");
    }
}
