using System.Globalization;
using System.Text;
using MLOps.Core.Evaluation.Details;

namespace MLOps.Core.Reporting;

/// <summary>The latest run's evaluation: curves and calibration, the confusion matrix, residuals, and feature importance.</summary>
internal static class EvaluationSection
{
    public static void Append(StringBuilder html, ReportInput input, IChartRenderer charts)
    {
        EvaluationDetails? e = input.Evaluation;
        ReportPage.Heading(html, "evaluation", "Evaluation", e is null
            ? "No evaluation recorded for this model's runs yet: rebuild the model with run tracking on."
            : $"Run <code>{ReportPage.Encode(input.Latest?.Id ?? "")}</code> on its test split ({e.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows).");
        if (e is not null)
        {
            html.Append("<div class=\"charts\">\n");
            if (e.Binary is { } b)
            {
                html.Append(charts.Lines(new LineChart("ROC curve", "false positive rate", "true positive rate", [Series("model", b.Roc)]) { Diagonal = true, UnitSquare = true }));
                html.Append(charts.Lines(new LineChart("Precision-recall curve", "recall", "precision", [Series("model", b.PrecisionRecall)]) { UnitSquare = true }));
                if (b.Calibration.Count > 0)
                {
                    html.Append(charts.Lines(new LineChart("Calibration", "mean predicted probability", "observed positive rate",
                        [new ChartSeries("bins", [.. b.Calibration.Select(c => c.MeanPredicted)], [.. b.Calibration.Select(c => c.ObservedRate)])]) { Diagonal = true, UnitSquare = true }));
                }
            }

            if (e.Residuals is { Points.Count: > 0 } r)
            {
                html.Append(charts.Lines(new LineChart($"Residuals ({r.Points.Count:N0} of {r.Population:N0} test rows)", "predicted", "actual - predicted",
                    [new ChartSeries("rows", [.. r.Points.Select(p => p.Predicted)], [.. r.Points.Select(p => p.Actual - p.Predicted)])]) { MarkersOnly = true, ZeroLine = true }));
                html.Append(charts.Lines(new LineChart("Predicted against actual", "actual", "predicted",
                    [new ChartSeries("rows", [.. r.Points.Select(p => p.Actual)], [.. r.Points.Select(p => p.Predicted)])]) { MarkersOnly = true, Diagonal = true }));
            }

            html.Append("</div>\n");
            if (e.ConfusionMatrix is { } m)
                AppendMatrix(html, m);
        }

        html.Append("</section>\n");
        AppendImportance(html, e?.FeatureImportance, charts);
    }

    private static ChartSeries Series(string name, IReadOnlyList<CurvePoint> points) =>
        new(name, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)]);

    /// <summary>Rows are the actual class, columns the predicted one; each cell shaded by its share of its row.</summary>
    private static void AppendMatrix(StringBuilder html, ConfusionMatrix m)
    {
        html.Append("<h3>Confusion matrix</h3>\n<table class=\"matrix\" id=\"confusion-matrix\"><thead><tr><th>actual \\ predicted</th>");
        foreach (string c in m.Classes)
            html.Append(CultureInfo.InvariantCulture, $"<th>{ReportPage.Encode(c)}</th>");
        html.Append("</tr></thead><tbody>\n");
        for (int i = 0; i < m.Classes.Count; i++)
        {
            long total = Math.Max(1, m.Counts[i].Sum());
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{ReportPage.Encode(m.Classes[i])}</th>");
            for (int j = 0; j < m.Classes.Count; j++)
            {
                double share = (double)m.Counts[i][j] / total;
                string hue = i == j ? "34,139,94" : "200,60,60";
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"background:rgba({hue},{0.08 + (share * 0.6):0.00})\">{m.Counts[i][j]:N0}<small>{share:P1}</small></td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendImportance(StringBuilder html, FeatureImportance? f, IChartRenderer charts)
    {
        ReportPage.Heading(html, "importance", "Permutation feature importance", f is null
            ? "Not recorded for the latest run."
            : $"How much {ReportPage.Encode(f.Metric)} drops when one input feature's values are shuffled among {f.SampleRows:N0} test rows (mean of {f.Permutations} seeded shuffles; one-hot values move together as their feature).");
        if (f is { Features.Count: > 0 })
        {
            FeatureImportanceEntry[] ranked = [.. f.Features.Reverse()]; // Horizontal bars draw bottom-up: the largest on top.
            html.Append("<div class=\"charts\">\n")
                .Append(charts.Bars(new BarChart("Feature importance", $"drop in {f.Metric}", [.. ranked.Select(x => x.Feature)], [.. ranked.Select(x => x.Importance)]) { Horizontal = true }))
                .Append("</div>\n<table class=\"compact\"><thead><tr><th>feature</th><th>slots</th><th>importance</th><th>std dev</th></tr></thead><tbody>\n");
            foreach (FeatureImportanceEntry x in f.Features)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{ReportPage.Encode(x.Feature)}</td><td class=\"num\">{x.Slots}</td><td class=\"num\">{x.Importance:0.0000}</td><td class=\"num\">{x.StdDev:0.0000}</td></tr>\n");
            html.Append("</tbody></table>\n");
        }

        html.Append("</section>\n");
    }
}
