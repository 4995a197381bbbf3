using System.Globalization;
using System.Text;
using System.Text.Json;
using MLOps.Core.Spec;
using MLOps.Core.Tracking;

namespace MLOps.Core.Reporting;

/// <summary>
/// The runs table (filled and filtered in the browser from the runs embedded as JSON: status, source, text, metric
/// ranges) and the test metrics of the model's runs over time.
/// </summary>
internal static class RunsSection
{
    public static void Append(StringBuilder html, ReportInput input, IChartRenderer charts)
    {
        string[] metrics = [.. input.Runs.SelectMany(r => r.Metrics).Where(m => m.Split == RunMetric.Test).Select(m => m.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        ReportPage.Heading(html, "runs", "Runs", "Every training of this model the run store holds, newest first. Filter by status, source, text (id, commit, parameters, tags) or a metric's range; metrics are on the test split.");
        html.Append("<div class=\"filters\" id=\"run-filters\"></div>\n")
            .Append("<div class=\"table-wrap\"><table id=\"runs-table\"><thead></thead><tbody></tbody></table></div>\n")
            .Append("<p class=\"note\" id=\"runs-count\"></p>\n")
            // The default encoder escapes <, > and &: the JSON cannot end the script element early.
            .Append("<script type=\"application/json\" id=\"runs-data\">").Append(JsonSerializer.Serialize(new { metrics, runs = input.Runs.Select(Row) })).Append("</script>\n");
        AppendHistory(html, input, charts, Headline(input, metrics));
        html.Append("</section>\n");
    }

    private static void AppendHistory(StringBuilder html, ReportInput input, IChartRenderer charts, IReadOnlyList<string> metrics)
    {
        Run[] chronological = [.. input.Runs.Where(r => r.Metrics.Count > 0).OrderBy(r => r.StartedAt)];
        if (chronological.Length < 2)
        {
            html.Append("<p class=\"empty\">Metric history appears once two runs have metrics.</p>\n");
            return;
        }

        // Scores in [0, 1] share one chart; losses and errors on their own scales get one each.
        var series = metrics.Select(m => new ChartSeries(m,
            [.. chronological.Select((r, i) => (r, i)).Where(x => x.r.Metric(m) is not null).Select(x => (double)x.i)],
            [.. chronological.Where(r => r.Metric(m) is not null).Select(r => r.Metric(m)!.Value)])).Where(s => s.X.Count > 0).ToArray();
        var ticks = chronological.Select((r, i) => ((double)i, r.StartedAt.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture))).ToArray();
        ChartSeries[] unit = [.. series.Where(s => s.Y.All(v => v is >= 0 and <= 1))];
        html.Append("<h3>Metric history</h3>\n<div class=\"charts\">\n");
        if (unit.Length > 0)
            html.Append(charts.Lines(new LineChart("Scores by run (test split)", "run started (UTC)", "value", unit) { XTickLabels = ticks }));
        foreach (ChartSeries other in series.Except(unit))
            html.Append(charts.Lines(new LineChart($"{other.Name} by run (test split)", "run started (UTC)", other.Name, [other]) { XTickLabels = ticks }));
        html.Append("</div>\n");
    }

    /// <summary>The task's headline metrics when the task is known (the table keeps them all): eight lines in one chart hide each other.</summary>
    private static IReadOnlyList<string> Headline(ReportInput input, IReadOnlyList<string> metrics) =>
        input.Evaluation is { } e && SpecNames.Tasks.TryGetValue(e.Task, out TaskType task)
            ? [.. MetricCatalog.Headline(task).Where(metrics.Contains)]
            : metrics;

    private static object Row(Run r) => new
    {
        id = r.Id,
        status = r.Status.ToName(),
        source = r.Source,
        started = Time(r.StartedAt),
        duration = r.EndedAt is { } end ? (end - r.StartedAt).TotalSeconds : (double?)null,
        version = r.PackageVersion,
        commit = r.GitCommit is { Length: >= 8 } c ? c[..8] + (r.GitDirty == true ? "+" : "") : r.GitCommit,
        trainer = r.Params.TryGetValue("trainer", out string? t) ? t : null,
        cachedFrom = r.CachedFrom,
        metrics = r.Metrics.Where(m => m.Split == RunMetric.Test).ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal),
        text = string.Join(" ", r.Params.Select(p => $"{p.Key}={p.Value}").Concat(r.Tags.Select(t => $"{t.Key}={t.Value}"))),
    };

    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    internal static string Number(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
