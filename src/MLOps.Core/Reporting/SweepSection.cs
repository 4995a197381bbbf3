using System.Globalization;
using System.Text;
using MLOps.Core.Tracking;

namespace MLOps.Core.Reporting;

/// <summary>
/// The latest sweep: each hyperparameter that varied across the trials against the metric the sweep judged by (the
/// validation split's, else the test split's), one point per trial.
/// </summary>
internal static class SweepSection
{
    private static readonly string[] Preferred = ["auc", "macro_accuracy", "r_squared"];

    public static void Append(StringBuilder html, ReportInput input, IChartRenderer charts)
    {
        if (input.SweepTrials.Count == 0)
            return;

        (string split, string metric) = MetricOf(input.SweepTrials);
        ReportPage.Heading(html, "sweep", "Sweep", $"{input.SweepTrials.Count} trials of sweep <code>{ReportPage.Encode(input.SweepParent ?? "")}</code>; {ReportPage.Encode(metric)} on the {split} split against each hyperparameter that varied.");
        html.Append("<div class=\"charts small\">\n");
        var keys = input.SweepTrials.SelectMany(t => t.Params.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            var points = input.SweepTrials
                .Select(t => (ok: t.Params.TryGetValue(key, out string? v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x), x: Parse(t, key), y: t.Metric(metric, split)))
                .Where(p => p.ok && p.y is not null).ToArray();
            if (points.Select(p => p.x).Distinct().Count() < 2)
                continue; // A parameter every trial shares says nothing about the metric.
            html.Append(charts.Lines(new LineChart(key, key, $"{metric} ({split})", [new ChartSeries("trials", [.. points.Select(p => p.x)], [.. points.Select(p => p.y!.Value)])]) { MarkersOnly = true }));
        }

        html.Append("</div>\n</section>\n");
    }

    private static double Parse(Run trial, string key) =>
        double.TryParse(trial.Params[key], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN;

    private static (string Split, string Metric) MetricOf(IReadOnlyList<Run> trials)
    {
        foreach (string split in new[] { RunMetric.Validation, RunMetric.Test })
        {
            var names = trials.SelectMany(t => t.Metrics).Where(m => m.Split == split).Select(m => m.Name).Distinct(StringComparer.Ordinal).ToArray();
            if (names.Length > 0)
                return (split, Preferred.FirstOrDefault(names.Contains) ?? names.Order(StringComparer.Ordinal).First());
        }

        return (RunMetric.Test, Preferred[0]);
    }
}
