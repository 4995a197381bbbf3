using System.Globalization;
using MLOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Spec;

/// <summary>Reads the spec's <c>monitoring:</c> section with the same diagnostics as the rest of the spec (file and line in each).</summary>
internal static class MonitoringSpecReader
{
    public static MonitoringSpec? Read(YamlMap root, TaskType task)
    {
        YamlMap? map = root.Map("monitoring", required: false);
        if (map is null)
        {
            return null;
        }

        map.RejectUnknownKeys("live", "min-labelled");
        int minLabelled = MonitoringSpec.DefaultMinLabelled;
        if (map.Node("min-labelled") is { } node)
        {
            string text = node is YamlScalarNode { Value: { } v } ? v : node.NodeType.ToString();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1)
            {
                minLabelled = value;
            }
            else
            {
                map.Error(Codes.MonitoringInvalidMinLabelled, "min-labelled", $"monitoring.min-labelled must be a whole number of at least 1 (the fewest labelled predictions the live thresholds are judged on); found {Visible.Quote(text)}. Default: {MonitoringSpec.DefaultMinLabelled}.");
            }
        }

        var live = new List<GateSpec>();
        IReadOnlyList<string> known = MetricCatalog.For(task);
        YamlMap? metrics = map.Map("live", required: false);
        foreach (var (metric, _, line) in metrics?.Entries() ?? [])
        {
            if (!known.Contains(metric))
            {
                map.Bag.Error(Codes.MonitoringUnknownMetric, $"Live metric {Visible.Quote(metric)} is not reported for task {SpecNames.Of(task)}. Valid metrics are: {string.Join(", ", known)}.", map.File, line);
                continue;
            }

            if (metrics!.Map(metric, required: true) is { } bounds && Read(bounds, metric, line) is { } gate)
            {
                live.Add(gate);
            }
        }

        return new MonitoringSpec(live, minLabelled, root.LineOf("monitoring"));
    }

    private static GateSpec? Read(YamlMap bounds, string metric, int line)
    {
        int before = bounds.Bag.Count;
        bounds.RejectUnknownKeys("min", "max");
        double? min = bounds.Number("min", required: false);
        double? max = bounds.Number("max", required: false);
        if (bounds.Bag.Count > before)
        {
            return null; // a misspelt or unreadable bound, already reported
        }

        if (min is null && max is null)
        {
            bounds.Bag.Error(Codes.MonitoringInvalidThreshold, $"Live threshold {Visible.Quote(metric)} needs a min, a max or both, e.g. {metric}: {{ {(MetricCatalog.HigherIsBetter(metric) ? "min" : "max")}: 0.7 }}.", bounds.File, line);
            return null;
        }

        if (min > max)
        {
            bounds.Bag.Error(Codes.MonitoringInvalidThreshold, $"Live threshold {Visible.Quote(metric)} has min {min.Value.ToString(CultureInfo.InvariantCulture)} above max {max.Value.ToString(CultureInfo.InvariantCulture)}; no model could meet it.", bounds.File, line);
            return null;
        }

        return new GateSpec(metric, min, max, line);
    }
}
