using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Cli;

/// <summary>
/// <c>--store</c> of the commands that read or write runs (runs, report, sweep): a connection string; else the
/// MLOPS_RUN_STORE environment variable; else artifacts/runs.db under the repository root (the folder with .git
/// above the current one, else the current folder), where builds record by default.
/// </summary>
internal static class RunStoreOption
{
    public const string EnvironmentVariable = "MLOPS_RUN_STORE";

    public static Option<string?> Create() => new("--store")
    {
        Description = $"The run store: a SQLite file, Data Source=<path>, Host=<server>;Database=<db>;Username=<user> or postgres://user@host/db. Default: ${EnvironmentVariable}, else artifacts/runs.db of the repository.",
    };

    /// <summary>The connection string to use for <paramref name="option"/>'s value.</summary>
    public static string Resolve(string? option, string? currentDirectory = null) =>
        option is { Length: > 0 } ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Path.Combine(RepositoryRoot(currentDirectory ?? Environment.CurrentDirectory), "artifacts", "runs.db");

    /// <summary>Opens the store (reporting MLOPS8001..8003 into <paramref name="bag"/> when it cannot).</summary>
    public static IRunStore? Open(string? option, DiagnosticBag bag) => RunStores.Open(Resolve(option), bag);

    private static string RepositoryRoot(string start)
    {
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
                return directory.FullName;
        }

        return start;
    }
}
