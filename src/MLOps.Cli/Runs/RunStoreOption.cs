using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Runs;

/// <summary>
/// The <c>--store</c> option of the run commands and the store it names: the option, else <c>MLOPS_RUN_STORE</c>,
/// else <c>artifacts/runs.db</c> under the repository root (the nearest folder upward with .git, else the current one).
/// </summary>
internal static class RunStoreOption
{
    public const string Variable = "MLOPS_RUN_STORE";

    public static Option<string?> Create() => new("--store")
    {
        Description = $"The run store: a SQLite file, 'Data Source=<path>', 'Host=<server>;Database=<db>;Username=<user>' or postgres://user@host/db. Default: {Variable}, else artifacts/runs.db under the repository root.",
        HelpName = "connection",
    };

    public static string Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Path.Combine(RepositoryRoot.Find(Directory.GetCurrentDirectory()), "artifacts", "runs.db");

    /// <summary>The open store, or null with the store's diagnostic (MLOPS8001-8003) in <paramref name="bag"/>.</summary>
    public static IRunStore? Open(string? option, DiagnosticBag bag) => RunStores.Open(Resolve(option), bag);
}
