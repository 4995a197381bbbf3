using MLOps.Core.Data.Profiling;
using MLOps.Core.Evaluation.Details;
using MLOps.Core.Tracking;

namespace MLOps.Core.Reporting;

/// <summary>
/// Everything one model's report shows, already read: its runs (newest first), the run whose documents it draws
/// (<see cref="Latest"/>, the newest with an evaluation), that run's evaluation and data profile, and the trials of
/// its latest sweep. Built by <see cref="ReportReader"/> from a run store, or directly by tests.
/// </summary>
public sealed record ReportInput(string Model, IReadOnlyList<Run> Runs)
{
    public Run? Latest { get; init; }

    public EvaluationDetails? Evaluation { get; init; }

    public DataProfile? Profile { get; init; }

    /// <summary>The latest sweep's trials and its parent run id; empty when the model was never swept.</summary>
    public IReadOnlyList<Run> SweepTrials { get; init; } = [];

    public string? SweepParent { get; init; }

    /// <summary>Where the data came from, for the header ("sqlite /repo/artifacts/runs.db").</summary>
    public string StoreDescription { get; init; } = "";
}
