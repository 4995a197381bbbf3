using MLOps.Core.Tracking;

namespace MLOps.Core.Tests.Tracking;

/// <summary>Runs with every field set, for store tests.</summary>
internal static class RunFactory
{
    public static Run Full(string model = "Flights", DateTimeOffset? startedAt = null, string? id = null) => new()
    {
        Id = id ?? RunIds.New(),
        Model = model,
        Status = RunStatus.Running,
        Source = RunSources.Build,
        StartedAt = startedAt ?? new DateTimeOffset(2026, 12, 1, 7, 40, 0, 123, TimeSpan.Zero),
        Params = new Dictionary<string, string> { ["trainer"] = "LightGbm", ["seed"] = "42", ["NumberOfLeaves"] = "31" },
        Metrics = [new RunMetric(RunMetric.Test, "auc", 0.734), new RunMetric(RunMetric.Validation, "auc", 0.741)],
        Tags = new Dictionary<string, string> { ["note"] = "baseline" },
        DataFingerprint = "sha256:abc",
        GitCommit = "0123456789abcdef0123456789abcdef01234567",
        GitDirty = true,
        Host = "agent-1",
        ProcessId = 4242,
        CiSystem = "github-actions",
        CiRunUrl = "https://ci.example/runs/1",
        ToolVersions = new Dictionary<string, string> { ["mlnet"] = "5.0.1", ["dotnet"] = "10.0.0" },
        ModelSha256 = "feed",
        PackageId = "Models.Flights",
        PackageVersion = "1.2.3",
    };
}
