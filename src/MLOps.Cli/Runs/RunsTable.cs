using System.Text.RegularExpressions;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Runs;

/// <summary>
/// The table <c>mlops runs list</c> prints. Its metric columns are the test metrics the order-by names, then the
/// tasks' primary metrics and their companions in a fixed order, then any other, at most <see cref="MetricColumns"/>.
/// </summary>
internal static partial class RunsTable
{
    public const int MetricColumns = 4;

    private static readonly string[] Preferred = ["auc", "macro_accuracy", "r_squared", "accuracy", "f1_score", "micro_accuracy", "log_loss", "rmse", "mae"];

    public static TextTable Of(IReadOnlyList<Run> runs, string? orderBy)
    {
        IEnumerable<string> ordered = orderBy is null ? [] : OrderedMetric().Matches(orderBy).Select(m => m.Groups[1].Value);
        HashSet<string> present = [.. runs.SelectMany(r => r.Metrics).Where(m => m.Split == RunMetric.Test).Select(m => m.Name)];
        List<string> metrics = [.. ordered.Concat(Preferred).Concat(present.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).Where(present.Contains).Take(MetricColumns)];
        var table = new TextTable(["id", "model", "status", "source", "started", "duration", .. metrics, "package"])
            .AlignRight([5, .. Enumerable.Range(6, metrics.Count)]);
        foreach (Run run in runs)
        {
            table.Add([run.Id, run.Model, run.Status.ToName(), run.Source, RunText.Instant(run.StartedAt), RunText.Duration(run),
                .. metrics.Select(m => RunText.Metric(run.Metric(m))), run.PackageVersion ?? RunText.None]);
        }

        return table;
    }

    // metrics.auc or metrics.test.auc in an order-by (not metrics.validation.x: the columns show the test split).
    [GeneratedRegex(@"metrics?\.(?:test\.)?([A-Za-z0-9_\-]+)(?![.\w])", RegexOptions.IgnoreCase)]
    private static partial Regex OrderedMetric();
}
