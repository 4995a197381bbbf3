using System.CommandLine;
using MLOps.Core.Summary;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops summary</c>: every model of a pipeline run with its outcome, from the run folder the models' builds wrote.
/// The build scripts end with it, so a run that failed says which models failed and why, and exits 1.
/// </summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var runs = new Argument<string>("runs")
        {
            Description = "The run folder: <artifacts>/runs, holding one <Model>.json per published model and errors.log (MSBuild's -flp:errorsonly log).",
            DefaultValueFactory = _ => Path.Combine("artifacts", "runs"),
        };
        var command = new CliCommand(
            "summary",
            "Lists every model of the last pipeline run: version, outcome, headline metrics and package, or the diagnostic codes it failed with. Exits 1 when any model failed.",
            "mlops summary artifacts/runs")
        {
            runs,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(runs), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string runsFolder, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(runsFolder))
            return Reporter.UsageError(error, $"The run folder '{runsFolder}' does not exist. Run the pipeline first (./build.sh), or name the folder it wrote (<artifacts>/runs).");

        IReadOnlyList<ModelOutcome> outcomes = PipelineSummary.Read(runsFolder);
        if (outcomes.Count == 0)
            return Reporter.UsageError(error, $"The run folder '{runsFolder}' holds no model's outcome: no models were built (models/*/*.csproj).");

        output.WriteLine();
        foreach (string line in PipelineSummary.Format(outcomes, Directory.GetCurrentDirectory()))
            output.WriteLine(line);

        List<string> failed = outcomes.Where(o => o.Failed).Select(o => o.Model).ToList();
        if (failed.Count == 0)
            return ExitCodes.Success;

        error.WriteLine($"error: {failed.Count} of {outcomes.Count} models failed: {string.Join(", ", failed)}. Their diagnostics are above and in {Path.Combine(runsFolder, PipelineSummary.ErrorLogName)}; docs/diagnostics.md explains each code.");
        return ExitCodes.CheckFailed;
    }
}
