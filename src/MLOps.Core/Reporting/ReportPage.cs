using System.Globalization;
using System.Net;
using System.Text;
using MLOps.Core.Tracking;

namespace MLOps.Core.Reporting;

/// <summary>
/// One model's report as a single HTML file: styles, script and data inline, charts as images in data: URIs, so it
/// opens from disk (file://) with no network and can be attached to a pull request or a CI run as it is.
/// </summary>
public static class ReportPage
{
    public static string Render(ReportInput input, IChartRenderer charts, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        var html = new StringBuilder();
        Run? latest = input.Latest;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // No request may leave the page: everything it needs is inline.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{Encode(input.Model)} - MLOps report</title>\n<style>\n{Resource("report.css")}</style>\n</head>\n<body>\n");
        html.Append("<header>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{Encode(input.Model)}</h1>\n<p class=\"subtitle\">")
            .Append(latest?.PackageVersion is { } version ? $"version <strong>{Encode(version)}</strong> &middot; " : "")
            .Append(latest is null ? "" : $"latest run <code>{Encode(latest.Id)}</code> ({Encode(latest.Status.ToName())}, {Encode(RunsSection.Time(latest.StartedAt))}) &middot; ")
            .Append(CultureInfo.InvariantCulture, $"{input.Runs.Count} runs &middot; generated {Encode(RunsSection.Time(generatedAt))} from {Encode(input.StoreDescription)}</p>\n")
            .Append("<nav><a href=\"#runs\">Runs</a><a href=\"#evaluation\">Evaluation</a><a href=\"#importance\">Feature importance</a><a href=\"#data\">Data profile</a>")
            .Append(input.SweepTrials.Count > 0 ? "<a href=\"#sweep\">Sweep</a>" : "")
            .Append("</nav>\n</header>\n<main>\n");
        RunsSection.Append(html, input, charts);
        EvaluationSection.Append(html, input, charts);
        ProfileSection.Append(html, input, charts);
        SweepSection.Append(html, input, charts);
        html.Append("</main>\n<script>\n").Append(Resource("report.js")).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>An index of several models' reports: name, version, latest status and headline metrics, each linking its page.</summary>
    public static string Index(IReadOnlyList<(ReportInput Input, string FileName)> models, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>MLOps reports</title>\n<style>\n")
            .Append(Resource("report.css")).Append("</style>\n</head>\n<body>\n<header><h1>MLOps reports</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"subtitle\">{models.Count} models &middot; generated {Encode(RunsSection.Time(generatedAt))}</p></header>\n<main>\n<section><table>\n")
            .Append("<thead><tr><th>Model</th><th>Version</th><th>Latest run</th><th>Status</th><th>Runs</th><th>Metrics (test)</th></tr></thead>\n<tbody>\n");
        foreach ((ReportInput input, string file) in models)
        {
            Run? latest = input.Latest;
            string metrics = latest is null ? "" : string.Join(" ", latest.Metrics.Where(m => m.Split == RunMetric.Test).OrderBy(m => m.Name, StringComparer.Ordinal).Take(4)
                .Select(m => $"{m.Name}={RunsSection.Number(m.Value)}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Encode(file)}\">{Encode(input.Model)}</a></td><td>{Encode(latest?.PackageVersion ?? "")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td><code>{Encode(latest?.Id ?? "")}</code></td><td>{Encode(latest is null ? "" : latest.Status.ToName())}</td><td>{input.Runs.Count}</td><td>{Encode(metrics)}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table></section>\n</main>\n</body>\n</html>\n").ToString();
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A section heading with its anchor, and a note under it.</summary>
    internal static void Heading(StringBuilder html, string id, string title, string note) =>
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\">\n<h2>{Encode(title)}</h2>\n<p class=\"note\">{note}</p>\n");

    /// <summary>The report's style sheet, for the other pages written in the same look (the drift page).</summary>
    internal static string Css => Resource("report.css");

    private static string Resource(string name)
    {
        using Stream stream = typeof(ReportPage).Assembly.GetManifestResourceStream($"MLOps.Core.Reporting.{name}")
            ?? throw new InvalidOperationException($"The report's {name} is not embedded in MLOps.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
