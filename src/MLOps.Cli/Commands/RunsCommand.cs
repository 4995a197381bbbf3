using System.CommandLine;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops runs</c>: the experiment runs in the run store, one subcommand per verb.</summary>
internal static class RunsCommand
{
    public static Command Create() => new CliCommand(
        "runs",
        "Searches, shows and compares the experiment runs recorded in the run store (every training from dotnet build, ./build.sh, mlops train and sweeps).",
        "mlops runs list --where \"metrics.auc > 0.7 AND (params.trainer = 'LightGbm' OR tags.note LIKE 'big%')\"",
        "mlops runs show 3f2a",
        "mlops runs compare 3f2a 9bc1")
    {
        RunsListCommand.Create(),
        RunsShowCommand.Create(),
        RunsCompareCommand.Create(),
    };
}
