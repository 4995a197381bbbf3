using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Core.SourceControl;
using NuGet.Versioning;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops rollback</c>: declares for a stage the version it served before, with the reason in the history.</summary>
internal static class RollbackCommand
{
    public static Command Create()
    {
        Argument<string> model = ReleaseOptions.Model();
        var stage = new Option<string>("--stage") { Description = "The stage to roll back.", HelpName = "stage", Required = true };
        Option<string?> reason = ReleaseOptions.Reason();
        Option<NuGetVersion?> to = ReleaseOptions.Version("--to", "Go back to this version (one the stage served before). Default: the version it served before the current one, from the history.");
        Option<string?> directory = ReleaseOptions.Directory();
        var command = new CliCommand(
            "rollback",
            "Declares that a stage goes back to the version it served before (or --to): edits models/<Model>/release.yaml with a history entry that carries the required reason. The Release target then removes (folder) or unlists (HTTP) the rolled-back version from the stage's feed.",
            "mlops rollback FlightDelay --stage production --reason \"1.2.0 mispredicts evening flights\"",
            "mlops rollback FlightDelay --stage production --to 1.0.0 --reason \"1.1.0 and 1.2.0 share the bad feature\"")
        {
            model, stage, reason, to, directory,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(model), parsed.GetRequiredValue(stage), parsed.GetValue(reason), parsed.GetValue(to),
            parsed.GetValue(directory), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string modelName, string stage, string? reason, NuGetVersion? to, string? directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        if (ReleaseOptions.Open(modelName, directory, bag) is not { } model)
            return ReleaseOptions.Finish(error, bag);
        string by = CiEnvironment.Current(model.ModelFolder).Identity;
        var editor = new ReleaseEditor(model, new StageFeeds(createFolders: false), by);
        if (await editor.RollbackAsync(stage, to, reason, bag, cancellationToken).ConfigureAwait(false) is not { } release
            || !ReleaseFileWriter.Write(release, bag))
            return ReleaseOptions.Finish(error, bag);

        ReleaseEntry entry = release.History[^1];
        output.WriteLine($"{stage} goes back from {model.PackageId} {entry.From} to {entry.Version} in {ReleaseOptions.Shown(model)}.");
        output.WriteLine($"Commit the file; the Release target (or 'mlops release {model.Model} --stage {stage}') then takes {entry.From} out of the {stage} feed.");
        return ReleaseOptions.Finish(error, bag);
    }
}
