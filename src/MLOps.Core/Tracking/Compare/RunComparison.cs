namespace MLOps.Core.Tracking.Compare;

/// <summary>A param across the compared runs: its value in each (null where a run has none).</summary>
public sealed record ParamRow(string Name, IReadOnlyList<string?> Values)
{
    public bool Changed => Values.Distinct(StringComparer.Ordinal).Skip(1).Any();
}

/// <summary>A metric on one split across the compared runs, with each run's change from the first run (null where either has none).</summary>
public sealed record MetricRow(string Name, string Split, IReadOnlyList<double?> Values)
{
    public IReadOnlyList<double?> Deltas => [.. Values.Select(v => v - Values[0])];
}

/// <summary>
/// Runs side by side, as <c>dvc params diff</c> and <c>dvc metrics diff</c> show two commits: the params that differ
/// (all of them when asked) and every metric with its value per run and its change against the first run.
/// Rows are sorted by name (metrics: test split first), so the same runs always compare the same way.
/// </summary>
public sealed record RunComparison(IReadOnlyList<Run> Runs, IReadOnlyList<ParamRow> Params, IReadOnlyList<MetricRow> Metrics)
{
    public static RunComparison Of(IReadOnlyList<Run> runs, bool allParams)
    {
        ArgumentNullException.ThrowIfNull(runs);
        List<ParamRow> parameters = [.. runs.SelectMany(r => r.Params.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(key => new ParamRow(key, [.. runs.Select(r => r.Params.GetValueOrDefault(key))]))
            .Where(row => allParams || row.Changed)];
        List<MetricRow> metrics = [.. runs.SelectMany(r => r.Metrics).Select(m => (m.Split, m.Name)).Distinct()
            .OrderBy(m => m.Split == RunMetric.Test ? 0 : 1).ThenBy(m => m.Split, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new MetricRow(m.Name, m.Split, [.. runs.Select(r => r.Metric(m.Name, m.Split))]))];
        return new RunComparison(runs, parameters, metrics);
    }
}
