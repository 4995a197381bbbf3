namespace MLOps.Core.Reporting;

/// <summary>
/// Draws the report's charts. Core describes what to draw; the drawing library lives with the tool that writes the
/// report (the CLI draws with ScottPlot), so the SDK package that trains models never carries a graphics library.
/// Each method returns an HTML fragment (an image or an SVG) that opens from disk with no request.
/// </summary>
public interface IChartRenderer
{
    string Lines(LineChart chart);

    string Bars(BarChart chart);

    /// <summary>Two distributions over the same bins side by side (a drift check's reference and current). A renderer without
    /// its own drawing shows them as two bar charts.</summary>
    string Histograms(PairedHistogram chart) =>
        Bars(new BarChart($"{chart.Title}: {chart.FirstName}", chart.ValueLabel, chart.Labels, chart.First)) +
        Bars(new BarChart($"{chart.Title}: {chart.SecondName}", chart.ValueLabel, chart.Labels, chart.Second));
}

/// <summary>One named series of points.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// Lines (or markers only, <see cref="MarkersOnly"/>) on numeric axes. <see cref="Diagonal"/> draws y = x (ROC's chance
/// line, calibration's perfect line); <see cref="ZeroLine"/> draws y = 0 (residuals). <see cref="XTickLabels"/> replaces
/// the x axis's numbers (run dates).
/// </summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    public bool MarkersOnly { get; init; }

    public bool Diagonal { get; init; }

    public bool ZeroLine { get; init; }

    public bool UnitSquare { get; init; }

    public IReadOnlyList<(double X, string Label)>? XTickLabels { get; init; }
}

/// <summary>Bars with a label each; <see cref="Horizontal"/> for long labels (feature names).</summary>
public sealed record BarChart(string Title, string ValueLabel, IReadOnlyList<string> Labels, IReadOnlyList<double> Values)
{
    public bool Horizontal { get; init; }
}

/// <summary>Two series of values over the same labelled bins (shares of rows, say), drawn side by side with a legend.</summary>
public sealed record PairedHistogram(string Title, string ValueLabel, IReadOnlyList<string> Labels, string FirstName, IReadOnlyList<double> First, string SecondName, IReadOnlyList<double> Second);
