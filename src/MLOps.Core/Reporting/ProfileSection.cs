using System.Globalization;
using System.Text;
using MLOps.Core.Data.Profiling;

namespace MLOps.Core.Reporting;

/// <summary>The data profile of the latest run's data: each column's histogram (numbers, dates) or top values (categories).</summary>
internal static class ProfileSection
{
    private const int MaxCategories = 15;

    public static void Append(StringBuilder html, ReportInput input, IChartRenderer charts)
    {
        DataProfile? p = input.Profile;
        ReportPage.Heading(html, "data", "Data profile", p is null
            ? "No data profile recorded for the latest run."
            : $"{p.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows, {p.Columns.Count} columns, as the validate step profiled them (docs/profile.md).");
        if (p is not null)
        {
            html.Append("<div class=\"charts small\">\n");
            foreach (ColumnProfile c in p.Columns)
            {
                string caption = $"{c.Name} ({c.Type}; {c.Missing:N0} missing)";
                if (c.Numeric is { Histogram: { Counts.Count: > 0 } h })
                {
                    string[] labels = [.. h.Counts.Select((_, i) => Edge(h.Edges[i], c.DateTime is not null))];
                    html.Append(charts.Bars(new BarChart(caption, "rows", labels, [.. h.Counts.Select(n => (double)n)])));
                }
                else if (c.Categories is { Top.Count: > 0 } top)
                {
                    CategoryCount[] shown = [.. top.Top.Take(MaxCategories).Reverse()];
                    html.Append(charts.Bars(new BarChart(caption, "rows", [.. shown.Select(x => x.Value)], [.. shown.Select(x => (double)x.Count)]) { Horizontal = true }));
                }
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>A bin's lower edge: a number, or for a date-time column (days since 1970) a date.</summary>
    private static string Edge(double value, bool isDate) => isDate
        ? DateTime.UnixEpoch.AddDays(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}
