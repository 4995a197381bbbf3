using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using NuGet.Versioning;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops stages</c>: each stage's declared version, what its feed serves, and whether they agree.</summary>
internal static class StagesCommand
{
    private static readonly string[] Header = ["stage", "declared", "serves", ""];

    public static Command Create()
    {
        Argument<string> model = ReleaseOptions.Model();
        Option<string?> directory = ReleaseOptions.Directory();
        var command = new CliCommand(
            "stages",
            "Shows, for each stage in promotion order, the version release.yaml declares, the version the stage's feed serves (its highest listed version, what a floating reference restores) and whether they agree.",
            "mlops stages FlightDelay")
        {
            model, directory,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(model), parsed.GetValue(directory), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string modelName, string? directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        if (ReleaseOptions.Open(modelName, directory, bag) is not { } model)
            return ReleaseOptions.Finish(error, bag);
        var feeds = new StageFeeds(createFolders: false);
        var rows = new List<string[]> { Header };
        foreach (Stage stage in model.Stages.Stages)
        {
            NuGetVersion? serves = await feeds.ServesAsync(stage, model.PackageId, bag, cancellationToken).ConfigureAwait(false);
            if (model.Stages.IndexOf(stage) == 0)
            {
                rows.Add([stage.Name, "(builds)", Show(serves), "where builds publish"]);
                continue;
            }

            string? declared = model.Release.Declared(stage.Name);
            NuGetVersion? target = await feeds.ResolveDeclaredAsync(model.Stages, model.Release, stage, model.PackageId, bag, cancellationToken).ConfigureAwait(false);
            string shownDeclared = declared is null ? "-" : declared == ReleaseFile.Latest ? $"latest ({Show(target)})" : declared;
            string agreement = declared is null ? "nothing declared"
                : target == serves ? "ok"
                : $"differs: run 'mlops release {model.Model} --stage {stage.Name}'";
            rows.Add([stage.Name, shownDeclared, Show(serves), agreement]);
        }

        int[] widths = [.. Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length))];
        output.WriteLine($"{model.PackageId} ({ReleaseOptions.Shown(model)})");
        foreach (string[] row in rows)
            output.WriteLine($"  {row[0].PadRight(widths[0])}  {row[1].PadRight(widths[1])}  {row[2].PadRight(widths[2])}  {row[3]}".TrimEnd());
        return ReleaseOptions.Finish(error, bag);
    }

    private static string Show(NuGetVersion? version) => version?.ToNormalizedString() ?? "nothing";
}
