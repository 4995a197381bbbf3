using System.CommandLine;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops runs</c>: the run store's runs. One file per subcommand (Runs*Command.cs); add a line here for a new one.</summary>
internal static class RunsCommand
{
    public static Command Create() => new CliCommand(
        "runs",
        "Every training recorded as a run (dotnet build, ./build.sh, mlops train, sweeps): find, compare and clean them up. The store: --store, else $MLOPS_RUN_STORE, else artifacts/runs.db.",
        "mlops runs gc --older-than 6h")
    {
        RunsGcCommand.Create(),
    };
}
