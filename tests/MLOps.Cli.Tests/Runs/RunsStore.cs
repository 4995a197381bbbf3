using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests.Runs;

/// <summary>A real SQLite run store in a temp folder, filled through <see cref="IRunStore"/> as builds fill it.</summary>
internal sealed class RunsStore : IDisposable
{
    private readonly TempFolder _temp = new("mlops-runs-cli");

    public RunsStore() => Path = _temp.PathOf("runs.db");

    public string Path { get; }

    public static DateTimeOffset Day(int day, int hour = 10) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    public void Add(params Run[] runs)
    {
        var bag = new DiagnosticBag();
        using IRunStore store = RunStores.Open(Path, bag) ?? throw new InvalidOperationException(string.Join("; ", bag));
        foreach (Run run in runs)
            store.Start(run);
    }

    public void SaveDocument(string runId, string name, string json)
    {
        var bag = new DiagnosticBag();
        using IRunStore store = RunStores.Open(Path, bag) ?? throw new InvalidOperationException(string.Join("; ", bag));
        store.SaveDocument(runId, name, json);
    }

    /// <summary>A finished training of <paramref name="model"/> with a trainer, a seed, test and validation metrics.</summary>
    public static Run Trained(string id, string model, DateTimeOffset started, string trainer, int leaves, double auc, double validationAuc, string? note = null) => new()
    {
        Id = id,
        Model = model,
        Status = RunStatus.Succeeded,
        Source = RunSources.Build,
        StartedAt = started,
        EndedAt = started.AddSeconds(12.5),
        Params = new Dictionary<string, string> { ["trainer"] = trainer, ["seed"] = "42", ["NumberOfLeaves"] = leaves.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Metrics = [new RunMetric(RunMetric.Test, "auc", auc), new RunMetric(RunMetric.Test, "accuracy", auc - 0.1), new RunMetric(RunMetric.Validation, "auc", validationAuc)],
        Tags = note is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["note"] = note },
        PackageVersion = "1.0." + id[^1],
    };

    public void Dispose() => _temp.Dispose();
}
