namespace MLOps.Core.Tracking;

/// <summary>
/// How a run ended (<see cref="RunRecorder.Finish(IRunStore, string, RunFinish)"/>) and where the train step's files are:
/// training.json (params, data fingerprint, model hash, ML.NET version), metrics.json (test) and validation.metrics.json,
/// and the documents evaluation.json and profile.json. Files that are not there (a failed training) are left out.
/// </summary>
public sealed record RunFinish(RunStatus Status, string? TrainingDirectory)
{
    public string? PackageId { get; init; }

    public string? PackageVersion { get; init; }

    /// <summary>Tags to add to the run's (a sweep's trial number, a failure reason).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
