using System.Globalization;
using MLOps.Cli.Runs;
using MLOps.Core.Monitoring;

namespace MLOps.Cli.Monitoring;

/// <summary>The live report as a person reads it: the join's counts, then one line per metric, live beside training.</summary>
internal static class LiveReportText
{
    public static void Write(LiveReport report, TextWriter output)
    {
        output.WriteLine(Invariant($"{report.Model}: {report.Predictions:N0} predictions logged, {report.Labelled:N0} with a label"));
        output.WriteLine(Invariant($"  {report.WithoutLabel:N0} predictions without a label, {report.LabelsWithoutPrediction:N0} labels without a prediction{(report.OtherModel > 0 ? $", {report.OtherModel:N0} predictions of another model left out" : "")}{(report.Dropped > 0 ? $", {report.Dropped:N0} dropped by the log writer" : "")}"));
        var table = new TextTable("metric", "live", "training", "change", "threshold").AlignRight(1, 2, 3);
        foreach (LiveMetric m in report.Metrics)
        {
            table.Add(m.Name, F(m.Live), m.Training is { } t ? F(t) : "-", m.Change is { } c ? (c >= 0 ? "+" : "") + F(c) : "-", Threshold(m));
        }
        table.Write(output);
        output.WriteLine(!report.Judged ? "thresholds not judged" : report.Passed ? "live thresholds passed" : "live thresholds failed");
    }

    private static string Threshold(LiveMetric m)
    {
        string bounds = string.Join(", ", new[] { m.Min is { } min ? $">= {F(min)}" : null, m.Max is { } max ? $"<= {F(max)}" : null }.Where(b => b is not null));
        return bounds.Length == 0 ? "" : $"{bounds} {(m.Passed switch { true => "passed", false => "FAILED", null => "not judged" })}";
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
