using System.Globalization;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Spec;

/// <summary>Reads the spec's <c>champion:</c> section (docs/model-spec.md#champion) with the same diagnostics as the rest of the spec.</summary>
internal static class ChampionSpecReader
{
    public static ChampionSpec? Read(YamlMap root, TaskType task)
    {
        YamlMap? map = root.Map("champion", required: false);
        if (map is null)
        {
            return null;
        }

        map.RejectUnknownKeys("stage", "metrics");
        string stage = map.String("stage", required: false) ?? ChampionSpec.DefaultStage;
        var gates = new List<ChampionGateSpec>();
        IReadOnlyList<string> known = MetricCatalog.For(task);
        YamlMap? metrics = map.Map("metrics", required: false);
        foreach (var (metric, _, line) in metrics?.Entries() ?? [])
        {
            if (!known.Contains(metric))
            {
                map.Bag.Error(Codes.SpecUnknownMetric, $"Champion metric {Visible.Quote(metric)} is not reported for task {SpecNames.Of(task)}. Valid metrics are: {string.Join(", ", known)}.", map.File, line);
                continue;
            }

            if (metrics!.Map(metric, required: true) is { } gate && Read(gate, metric, line) is { } spec)
            {
                gates.Add(spec);
            }
        }

        return new ChampionSpec(stage, gates, root.LineOf("champion"));
    }

    private static ChampionGateSpec? Read(YamlMap gate, string metric, int line)
    {
        int before = gate.Bag.Count;
        gate.RejectUnknownKeys("min-improvement", "min-relative-improvement", "max-regression");
        double? absolute = gate.Number("min-improvement", required: false);
        double? relative = gate.Number("min-relative-improvement", required: false);
        double? regression = gate.Number("max-regression", required: false);
        if (absolute is null && relative is null && regression is null)
        {
            if (gate.Bag.Count > before)
            {
                return null; // a misspelt or unreadable threshold, already reported
            }

            gate.Bag.Error(Codes.SpecInvalidGate, $"Champion threshold {Visible.Quote(metric)} needs min-improvement, min-relative-improvement or max-regression, e.g. {metric}: {{ max-regression: 0.005 }}.", gate.File, line);
            return null;
        }

        if (regression < 0)
        {
            gate.Error(Codes.SpecInvalidGate, "max-regression", $"Champion threshold {Visible.Quote(metric)} has max-regression {regression.Value.ToString(CultureInfo.InvariantCulture)}; it must be 0 or more (how much worse than the champion the candidate may be). To demand an improvement, use min-improvement.");
            return null;
        }

        return new ChampionGateSpec(metric, absolute, relative, regression, line);
    }
}
