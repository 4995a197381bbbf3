namespace MLOps.Core.Tracking;

/// <summary>
/// One experiment run: a training (or a restore from the run cache) of one model, with what went in (params, data
/// fingerprint, commit, tool versions), what came out (metrics per split, model hash, package) and where it ran.
/// Everything but <see cref="Id"/>, <see cref="Model"/>, <see cref="Status"/> and <see cref="StartedAt"/> is optional.
/// </summary>
public sealed record Run
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public required string Id { get; init; }

    public required string Model { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Running;

    /// <summary>build, cake, cli or sweep (<see cref="RunSources"/>).</summary>
    public string Source { get; init; } = RunSources.Build;

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The sweep's parent run, for a trial.</summary>
    public string? ParentId { get; init; }

    /// <summary>For a cached run: the run that trained the model the run cache restored.</summary>
    public string? CachedFrom { get; init; }

    /// <summary>trainer, seed, spec_sha256 and every hyperparameter, as invariant text.</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = None;

    public IReadOnlyList<RunMetric> Metrics { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = None;

    public string? DataFingerprint { get; init; }

    public string? GitCommit { get; init; }

    public bool? GitDirty { get; init; }

    public string? Host { get; init; }

    public int? ProcessId { get; init; }

    public string? CiSystem { get; init; }

    public string? CiRunUrl { get; init; }

    /// <summary>mlnet, mlops_sdk, dotnet: the versions of the tools that made the model.</summary>
    public IReadOnlyDictionary<string, string> ToolVersions { get; init; } = None;

    public string? ModelSha256 { get; init; }

    public string? PackageId { get; init; }

    public string? PackageVersion { get; init; }

    /// <summary>The value of a metric on a split, or null when the run has none.</summary>
    public double? Metric(string name, string split = RunMetric.Test) =>
        Metrics.FirstOrDefault(m => m.Split == split && m.Name == name)?.Value;
}
