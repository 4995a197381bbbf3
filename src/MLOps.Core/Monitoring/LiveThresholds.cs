using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;

namespace MLOps.Core.Monitoring;

/// <summary>
/// Puts the live metrics beside the training metrics and checks them against the spec's <c>monitoring.live</c> thresholds:
/// a metric below its min or above its max is <see cref="Codes.LiveMetricOutsideThreshold"/> at the threshold's line. The
/// thresholds are judged only on at least <see cref="MonitoringSpec.MinLabelled"/> labelled predictions; on fewer, a warning
/// (<see cref="Codes.TooFewLabelledPredictions"/>) says so and nothing fails.
/// </summary>
public static class LiveThresholds
{
    public static (IReadOnlyList<LiveMetric> Metrics, bool Judged) Check(
        ModelSpec spec, IReadOnlyDictionary<string, double> live, IReadOnlyDictionary<string, double>? training, long labelled, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(bag);
        MonitoringSpec monitoring = spec.Monitoring ?? new MonitoringSpec([], MonitoringSpec.DefaultMinLabelled, 0);
        bool judged = monitoring.Live.Count > 0 && labelled >= monitoring.MinLabelled;
        if (monitoring.Live.Count > 0 && !judged)
        {
            bag.Warning(Codes.TooFewLabelledPredictions, string.Create(CultureInfo.InvariantCulture,
                $"Only {labelled} predictions have labels, fewer than monitoring.min-labelled ({monitoring.MinLabelled}): the live thresholds are not judged on so few rows. Wait for more labels, or lower min-labelled."),
                spec.SourcePath, monitoring.Line);
        }

        string[] names = [.. MetricCatalog.Headline(spec.Task).Concat(monitoring.Live.Select(g => g.Metric)).Distinct(StringComparer.Ordinal).Where(live.ContainsKey)];
        var metrics = new List<LiveMetric>();
        foreach (string name in names)
        {
            double value = live[name];
            GateSpec? gate = monitoring.Live.FirstOrDefault(g => g.Metric == name);
            double? train = training is not null && training.TryGetValue(name, out double t) ? t : null;
            bool? passed = gate is null || !judged ? null : !(value < gate.Min || value > gate.Max || double.IsNaN(value));
            if (passed == false)
            {
                string bound = value < gate!.Min || (double.IsNaN(value) && gate.Min is not null) ? $"below its minimum {F(gate.Min!.Value)}" : $"above its maximum {F(gate.Max!.Value)}";
                bag.Error(Codes.LiveMetricOutsideThreshold,
                    $"Live {name} is {F(value)} on {labelled.ToString("N0", CultureInfo.InvariantCulture)} labelled predictions, {bound} (monitoring.live){(train is { } tr ? $"; training measured {F(tr)}" : "")}. The model has degraded in production: check drift (mlops drift) and retrain on recent data.",
                    spec.SourcePath, gate.Line);
            }
            metrics.Add(new LiveMetric(name, value, train, gate?.Min, gate?.Max, passed));
        }
        return (metrics, judged);
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
