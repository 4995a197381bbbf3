using System.CommandLine;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops runs</c>: the run store's runs. One file per subcommand (Runs*Command.cs); add a line here for a new one.</summary>
internal static class RunsCommand
{
    public static Command Create() => new CliCommand(
        "runs",
        "Every training recorded as a run (dotnet build, ./build.sh, mlops train, sweeps): search, show, compare and clean them up. The store: --store, else $MLOPS_RUN_STORE, else artifacts/runs.db.",
        "mlops runs list --where \"metrics.auc > 0.7 AND (params.trainer = 'LightGbm' OR tags.note LIKE 'big%')\"",
        "mlops runs show 3f2a",
        "mlops runs compare 3f2a 9bc1",
        "mlops runs gc --older-than 6h")
    {
        RunsListCommand.Create(),
        RunsShowCommand.Create(),
        RunsCompareCommand.Create(),
        RunsGcCommand.Create(),
    };
}
