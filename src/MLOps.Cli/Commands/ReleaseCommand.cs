using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops release</c>: makes the stage feeds match release.yaml (what the Release target runs).</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model")
        {
            Description = "The model (its folder under models/). Default: every model under models/ that has a release.yaml.",
            Arity = ArgumentArity.ZeroOrOne,
        }.RejectingOptions();
        var stage = new Option<string?>("--stage") { Description = "Sync only this stage. Default: every stage after the first.", HelpName = "stage" };
        Option<string?> directory = ReleaseOptions.Directory();
        var command = new CliCommand(
            "release",
            "Makes each stage's feed match release.yaml: copies the declared version's exact package from the stage before (sha512 checked), removes or unlists rolled-back versions, and reports a version in a stage feed that the release file does not explain (MLOPS5013). When stages.yaml names a GitHub repository, the version the last stage serves gets its GitHub release (tag <model>-v<version>, the model card, the package).",
            "mlops release FlightDelay",
            "mlops release --stage production")
        {
            model, stage, directory,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(model), parsed.GetValue(stage), parsed.GetValue(directory),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? modelName, string? stage, string? directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        foreach (string name in modelName is null ? Models(ReleaseOptions.Start(directory)) : [modelName])
        {
            if (ReleaseOptions.Open(name, directory, bag) is not { } model)
                continue;
            if (stage is not null && model.Stages.Find(stage) is null)
            {
                bag.Error(Codes.UnknownStage, $"Unknown stage {Visible.Quote(stage)}. The stages are: {string.Join(", ", model.Stages.Stages.Select(s => s.Name))} ({model.Stages.File ?? "the defaults: no stages.yaml"}).");
                break;
            }

            var feeds = new StageFeeds();
            StageSyncResult result = await new StageSync(model, feeds).SyncAsync(stage, bag, cancellationToken).ConfigureAwait(false);
            foreach (string line in result.Describe(model.PackageId))
                output.WriteLine(line);
            await GitHubReleaseStep.RunAsync(model, result, feeds, Environment.GetEnvironmentVariable, output.WriteLine, bag, cancellationToken).ConfigureAwait(false);
        }

        return ReleaseOptions.Finish(error, bag);
    }

    // Every models/<Model> folder with a release.yaml, from the repository that holds models/.
    private static IEnumerable<string> Models(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            string models = Path.Combine(dir.FullName, ModelRelease.ModelsFolder);
            if (Directory.Exists(models))
                return Directory.GetDirectories(models).Where(d => File.Exists(Path.Combine(d, ReleaseFile.FileName))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        }

        return [];
    }
}
