using System.Globalization;
using System.Net;
using System.Text;
using MLOps.Core.Reporting;
using ScottPlot;

namespace MLOps.Cli.Reporting;

/// <summary>
/// Draws the report's charts with ScottPlot as SVG, embedded as data: URI images: vector (sharp at any zoom), no
/// request, and each chart's ids stay inside its own image instead of clashing in the page.
/// </summary>
internal sealed class ScottPlotCharts : IChartRenderer
{
    private const int Width = 600;
    private const int Height = 420;
    private const int MaxTickLabels = 10;
    private const int MaxRowLabels = 30;
    private static readonly Color Grey = Color.FromHex("#8a94a0");

    public string Lines(LineChart chart)
    {
        var plot = NewPlot(chart.Title, chart.XLabel, chart.YLabel);
        foreach (ChartSeries series in chart.Series)
        {
            var scatter = plot.Add.Scatter(series.X.ToArray(), series.Y.ToArray());
            if (chart.Series.Count > 1)
                scatter.LegendText = series.Name; // A legend only tells lines apart: one line needs none.
            scatter.LineWidth = chart.MarkersOnly ? 0 : 2;
            scatter.MarkerSize = chart.MarkersOnly ? 4 : (series.X.Count <= 30 ? 6 : 0);
        }

        if (chart.Diagonal)
        {
            double lo = chart.UnitSquare ? 0 : chart.Series.SelectMany(s => s.X.Concat(s.Y)).DefaultIfEmpty(0).Min();
            double hi = chart.UnitSquare ? 1 : chart.Series.SelectMany(s => s.X.Concat(s.Y)).DefaultIfEmpty(1).Max();
            var line = plot.Add.Line(lo, lo, hi, hi);
            line.LineColor = Grey;
            line.LinePattern = LinePattern.Dashed;
        }

        if (chart.ZeroLine)
        {
            var zero = plot.Add.HorizontalLine(0);
            zero.Color = Grey;
            zero.LinePattern = LinePattern.Dashed;
        }

        if (chart.UnitSquare)
            plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        if (chart.XTickLabels is { Count: > 0 } ticks)
            plot.Axes.Bottom.TickGenerator = Manual(ticks);
        if (chart.Series.Count > 3)
            plot.ShowLegend(Edge.Right); // Beside the plot: many lines inside would hide the data.
        else if (chart.Series.Count > 1)
            plot.ShowLegend(Alignment.LowerLeft);
        return Image(plot, chart.Title);
    }

    public string Bars(BarChart chart)
    {
        var plot = NewPlot(chart.Title, chart.Horizontal ? chart.ValueLabel : "", chart.Horizontal ? "" : chart.ValueLabel);
        var bars = plot.Add.Bars(chart.Values.ToArray());
        bars.Horizontal = chart.Horizontal;
        foreach (var bar in bars.Bars)
            bar.Size = 0.8;
        var ticks = chart.Labels.Select((label, i) => ((double)i, label)).ToArray();
        if (chart.Horizontal)
        {
            plot.Axes.Left.TickGenerator = Manual(ticks, MaxRowLabels); // Rows have room for a label each.
            plot.Axes.Margins(left: 0);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = Manual(ticks);
            plot.Axes.Margins(bottom: 0);
        }

        return Image(plot, chart.Title);
    }

    public string Histograms(PairedHistogram chart)
    {
        var plot = NewPlot(chart.Title, "", chart.ValueLabel);
        AddSeries(plot, chart.First, -0.2, chart.FirstName, Color.FromHex("#2463b4"));
        AddSeries(plot, chart.Second, 0.2, chart.SecondName, Color.FromHex("#d9822b"));
        plot.Axes.Bottom.TickGenerator = Manual([.. chart.Labels.Select((label, i) => ((double)i, label))]);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return Image(plot, chart.Title);
    }

    // One side of a paired histogram: bars 0.4 wide, offset from each bin's centre so both sides show.
    private static void AddSeries(Plot plot, IReadOnlyList<double> values, double offset, string name, Color color)
    {
        var bars = plot.Add.Bars(values.Select((v, i) => new Bar { Position = i + offset, Value = v, Size = 0.4, FillColor = color }).ToArray());
        bars.LegendText = name;
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans"); // Installed with most Linux distributions; ScottPlot falls back when it is not.
        plot.Title(title, size: 15);
        plot.XLabel(x, size: 13);
        plot.YLabel(y, size: 13);
        return plot;
    }

    /// <summary>At most <see cref="MaxTickLabels"/> labels (or <paramref name="limit"/>), evenly picked, so dates and bin edges do not overlap.</summary>
    private static ScottPlot.TickGenerators.NumericManual Manual(IReadOnlyList<(double X, string Label)> ticks, int? limit = null)
    {
        // Long labels (dates, "11-28 09:00") need more room each than numbers along the x axis.
        int most = limit ?? (ticks.Average(t => t.Label.Length) > 6 ? MaxTickLabels / 2 : MaxTickLabels);
        int step = Math.Max(1, (int)Math.Ceiling(ticks.Count / (double)most));
        var manual = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < ticks.Count; i += step)
            manual.AddMajor(ticks[i].X, ticks[i].Label);
        return manual;
    }

    private static string Image(Plot plot, string title)
    {
        string svg = plot.GetSvgXml(Width, Height);
        string data = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        return string.Create(CultureInfo.InvariantCulture, $"<img class=\"chart\" alt=\"{WebUtility.HtmlEncode(title)}\" width=\"{Width}\" height=\"{Height}\" src=\"data:image/svg+xml;base64,{data}\">\n");
    }
}
