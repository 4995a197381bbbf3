using System.Globalization;
using System.Text;
using MLOps.Core.Drift;
using MLOps.Core.Drift.Columns;
using MLOps.Core.DriftCheck;

namespace MLOps.Core.Reporting;

/// <summary>
/// A drift check as one self-contained HTML page (mlops drift --html): the verdict, the table of columns (method,
/// threshold, value, drifted) and, per column, the reference and current histograms over the same bins as shares of
/// their rows. Styles and charts inline, no script, and a CSP that lets no request leave the page.
/// </summary>
public static class DriftPage
{
    private const int MaxCategories = 20;

    public static string Render(DriftCheckResult result, IChartRenderer charts, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(charts);
        DriftReport report = result.Report;
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n")
            .Append("<title>Drift check - MLOps</title>\n<style>\n").Append(ReportPage.Css)
            .Append(".drifted { color: #8a1c1c; font-weight: 600; }\n</style>\n</head>\n<body>\n<header>\n<h1>Drift check</h1>\n<p class=\"subtitle\">")
            .Append(CultureInfo.InvariantCulture, $"reference <code>{E(result.ReferenceLabel)}</code> ({report.ReferenceRows:N0} rows) &middot; current <code>{E(result.CurrentLabel)}</code> ({report.CurrentRows:N0} rows) &middot; generated {E(generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p><strong class=\"{(report.DatasetDrift ? "drifted" : "")}\">{(report.DatasetDrift ? "The dataset drifted" : "No dataset drift")}</strong>: {report.Drifted} of {report.Columns.Count} columns drifted ({N(report.Share)}; the dataset drifts from {N(report.ThresholdShare)}).</p>\n</header>\n<main>\n");
        html.Append("<section>\n<h2>Columns</h2>\n<p class=\"note\">The deciding method's value against its threshold: a p-value (ks, chisquare) drifts below it, a distance above it. Every statistic is in the JSON report.</p>\n")
            .Append("<table>\n<thead><tr><th>Column</th><th>Kind</th><th>Method</th><th class=\"num\">Threshold</th><th class=\"num\">Value</th><th>Drifted</th><th>Exact</th></tr></thead>\n<tbody>\n");
        foreach (ColumnDrift c in report.Columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Id(c.Name)}\">{E(c.Name)}</a></td><td>{Kind(c)}</td><td>{E(c.Method)}</td><td class=\"num\">{N(c.Threshold)}</td><td class=\"num\">{N(c.Value)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"{(c.Drifted ? "drifted" : "")}\">{(c.Drifted ? "yes" : "no")}</td><td>{(c.Exact ? "yes" : $"bound {N(c.Bound ?? 0)}")}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n<section>\n<h2>Histograms</h2>\n<p class=\"note\">Reference and current over the same bins, as shares of each side's rows.</p>\n<div class=\"charts\">\n");
        foreach (ColumnDrift c in report.Columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div id=\"{Id(c.Name)}\">\n").Append(charts.Histograms(Histogram(c))).Append("</div>\n");
        }

        return html.Append("</div>\n</section>\n</main>\n</body>\n</html>\n").ToString();
    }

    private static PairedHistogram Histogram(ColumnDrift c)
    {
        (string[] labels, double[] reference, double[] current) = Bins(c.ReferenceHistogram, c.CurrentHistogram);
        string title = $"{c.Name}: {c.Method} {N(c.Value)}{(c.Drifted ? " (drifted)" : "")}";
        return new PairedHistogram(title, "share of rows", labels, "reference", reference, "current", current);
    }

    // Categories: the most frequent of either side (the rest would be unreadable bars); numbers: every bin by its lower edge.
    private static (string[], double[], double[]) Bins(DriftHistogram reference, DriftHistogram current)
    {
        double[] r = Shares(reference.Counts), k = Shares(current.Counts);
        if (reference.Categories is { } categories)
        {
            int[] shown = [.. Enumerable.Range(0, categories.Count).OrderByDescending(i => Math.Max(r[i], k[i])).ThenBy(i => i).Take(MaxCategories)];
            return ([.. shown.Select(i => categories[i])], [.. shown.Select(i => r[i])], [.. shown.Select(i => k[i])]);
        }

        IReadOnlyList<double> edges = reference.Edges ?? [];
        return ([.. r.Select((_, i) => i < edges.Count ? edges[i].ToString("0.###", CultureInfo.InvariantCulture) : "")], r, k);
    }

    private static double[] Shares(IReadOnlyList<long> counts)
    {
        double total = Math.Max(1, counts.Sum());
        return [.. counts.Select(n => n / total)];
    }

    private static string Kind(ColumnDrift c) => c.Kind == DriftColumnKind.Numeric ? "numeric" : "categorical";

    private static string Id(string name) => "col-" + string.Concat(name.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-'));

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string E(string text) => ReportPage.Encode(text);
}
