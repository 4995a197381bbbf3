using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Runs;

/// <summary>
/// Runs as JSON for <c>--json</c>: snake_case names as the store's columns, instants in ISO 8601 UTC, metrics as
/// <c>{"test": {"auc": 0.73}, "validation": {...}}</c>, absent values as null, keys in a stable order.
/// </summary>
internal static class RunJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Of(Run run) => new()
    {
        ["id"] = run.Id,
        ["model"] = run.Model,
        ["status"] = run.Status.ToName(),
        ["source"] = run.Source,
        ["started_at"] = Instant(run.StartedAt),
        ["ended_at"] = Instant(run.EndedAt),
        ["duration_seconds"] = run.EndedAt is { } ended ? Math.Round((ended - run.StartedAt).TotalSeconds, 3) : null,
        ["parent_id"] = run.ParentId,
        ["cached_from"] = run.CachedFrom,
        ["params"] = Pairs(run.Params),
        ["metrics"] = Metrics(run.Metrics),
        ["tags"] = Pairs(run.Tags),
        ["data_fingerprint"] = run.DataFingerprint,
        ["git_commit"] = run.GitCommit,
        ["git_dirty"] = run.GitDirty,
        ["host"] = run.Host,
        ["pid"] = run.ProcessId,
        ["ci_system"] = run.CiSystem,
        ["ci_run_url"] = run.CiRunUrl,
        ["tool_versions"] = Pairs(run.ToolVersions),
        ["model_sha256"] = run.ModelSha256,
        ["package_id"] = run.PackageId,
        ["package_version"] = run.PackageVersion,
    };

    public static string? Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Pairs(IReadOnlyDictionary<string, string> pairs)
    {
        var json = new JsonObject();
        foreach ((string key, string value) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
            json[key] = value;
        return json;
    }

    private static JsonObject Metrics(IReadOnlyList<RunMetric> metrics)
    {
        var json = new JsonObject();
        foreach (IGrouping<string, RunMetric> split in metrics.GroupBy(m => m.Split).OrderBy(g => g.Key == RunMetric.Test ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var values = new JsonObject();
            foreach (RunMetric metric in split.OrderBy(m => m.Name, StringComparer.Ordinal))
                values[metric.Name] = metric.Value;
            json[split.Key] = values;
        }

        return json;
    }
}
