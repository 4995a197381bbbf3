using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Tests.Infrastructure;


namespace MLOps.Targets.Tests;

/// <summary>What a build recorded in a run store (here, not in Infrastructure/: the package tests compile that folder without MLOps.Core).</summary>
public static class RunStoreOutput
{
    /// <summary>The default store of a temp project: $(MLOpsArtifactsDir)runs.db.</summary>
    public static string RunStoreFile(this TempModelProject project) => Path.Combine(project.ArtifactsDirectory, "runs.db");

    /// <summary>Every run in the store <paramref name="connectionString"/> names, oldest first.</summary>
    public static IReadOnlyList<Run> Runs(string connectionString)
    {
        var bag = new DiagnosticBag();
        using IRunStore store = RunStores.Open(connectionString, bag) ?? throw new InvalidOperationException(string.Join("; ", bag));
        return [.. store.List(RunSelection.All).Reverse()];
    }

    public static string? Document(string connectionString, string runId, string name)
    {
        var bag = new DiagnosticBag();
        using IRunStore store = RunStores.Open(connectionString, bag) ?? throw new InvalidOperationException(string.Join("; ", bag));
        return store.ReadDocument(runId, name);
    }
}
