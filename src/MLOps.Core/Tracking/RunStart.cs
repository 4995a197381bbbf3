namespace MLOps.Core.Tracking;

/// <summary>
/// What a run is started with (<see cref="RunRecorder.Start(IRunStore, RunStart)"/>): the model, what started it
/// (<see cref="RunSources"/>) and the folder it runs from (for the git commit). Host, process, CI and tool versions are
/// read from the environment by the recorder.
/// </summary>
public sealed record RunStart(string Model, string Source, string WorkingDirectory)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>The run's id when the caller chose it (<see cref="RunIds.New"/>) before the run is stored; null: a new one.</summary>
    public string? Id { get; init; }

    /// <summary>For a model restored from the run cache: the run that trained it (the cache entry's run id).</summary>
    public string? CachedFrom { get; init; }

    /// <summary>For a sweep trial: the sweep's parent run.</summary>
    public string? ParentId { get; init; }

    /// <summary>Params known before training (a trial's hyperparameters); training.json adds the rest at the finish.</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = None;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = None;
}
