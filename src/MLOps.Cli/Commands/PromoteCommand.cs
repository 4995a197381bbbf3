using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Core.SourceControl;
using NuGet.Versioning;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops promote</c>: declares a version for a stage in the model's release.yaml, with a history entry.</summary>
internal static class PromoteCommand
{
    public static Command Create()
    {
        Argument<string> model = ReleaseOptions.Model();
        var version = new Argument<NuGetVersion>("version")
        {
            Description = "The version to promote; it must be in the stage before's feed (or declared there).",
            CustomParser = ReleaseOptions.ParseVersion!,
        };
        var to = new Option<string>("--to") { Description = "The stage to promote to (a stage of stages.yaml after the first).", HelpName = "stage", Required = true };
        Option<string?> reason = ReleaseOptions.Reason();
        var force = new Option<bool>("--force")
        {
            Description = "Promote a version the stage before does not hold (an override: needs --reason, recorded as override in the history).",
        };
        Option<string?> directory = ReleaseOptions.Directory();
        var command = new CliCommand(
            "promote",
            "Declares that a stage serves a version: edits models/<Model>/release.yaml (stages and history). Commit the file; the Release target then copies the exact package from the stage before into the stage's feed.",
            "mlops promote FlightDelay 1.2.0 --to production --reason \"beats 1.1.0 on auc\"",
            "mlops promote FlightDelay 1.3.0 --to production --force --reason \"hotfix built from a branch\"")
        {
            model, version, to, reason, force, directory,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(model), parsed.GetRequiredValue(version), parsed.GetRequiredValue(to), parsed.GetValue(reason),
            parsed.GetValue(force), parsed.GetValue(directory), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string modelName, NuGetVersion version, string to, string? reason, bool force, string? directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        if (ReleaseOptions.Open(modelName, directory, bag) is not { } model)
            return ReleaseOptions.Finish(error, bag);
        if (model.Release.DeclaredVersion(to) == version && model.Stages.Find(to) is not null)
        {
            output.WriteLine($"{model.PackageId} {version} is already declared for {to} in {ReleaseOptions.Shown(model)}: nothing changed.");
            return ExitCodes.Success;
        }

        string by = CiEnvironment.Current(model.ModelFolder).Identity;
        var editor = new ReleaseEditor(model, new StageFeeds(createFolders: false), by);
        if (await editor.PromoteAsync(to, version, reason, force, bag, cancellationToken).ConfigureAwait(false) is not { } release
            || !ReleaseFileWriter.Write(release, bag))
            return ReleaseOptions.Finish(error, bag);

        output.WriteLine($"{model.PackageId} {version} is now declared for {to} in {ReleaseOptions.Shown(model)}{(release.History[^1].Override ? " (override, recorded)" : "")}.");
        output.WriteLine($"Commit the file; the Release target (or 'mlops release {model.Model} --stage {to}') then copies the package into the {to} feed.");
        return ReleaseOptions.Finish(error, bag);
    }
}
