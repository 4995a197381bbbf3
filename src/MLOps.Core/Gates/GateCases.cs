using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;

namespace MLOps.Core.Gates;

/// <summary>
/// Every gate of the spec as a test case: each absolute gate and each champion threshold is one, failed with the
/// diagnostic reported at its line in the spec. With no champion, the champion thresholds are not run.
/// </summary>
internal static class GateCases
{
    public static IReadOnlyList<GateCase> Of(ModelSpec spec, IReadOnlyDictionary<string, double> metrics, ChampionEvaluation? champion, DiagnosticBag found, bool overridden)
    {
        var cases = new List<GateCase>();
        GateStatus failed = overridden ? GateStatus.Overridden : GateStatus.Failed;
        foreach (GateSpec gate in spec.Gates)
        {
            string measured = metrics.TryGetValue(gate.Metric, out double value) ? $"{gate.Metric} = {ChampionThreshold.F(value)}, {QualityGate.Threshold(gate)}" : $"{gate.Metric}: not reported";
            cases.Add(Case("gates", gate.Metric, gate.Line, measured, found, failed));
        }

        Diagnostic? notComparable = found.FirstOrDefault(d => d.Code == Codes.ChampionNotComparable);
        foreach (ChampionGateSpec gate in spec.Champion?.Metrics ?? [])
        {
            if (champion is null)
            {
                cases.Add(new GateCase("champion", gate.Metric, GateStatus.NotRun, $"No champion yet (MLOpsChampionVersion is empty): {ChampionThreshold.Describe(gate)} not checked; the absolute gates alone decide."));
            }
            else if (notComparable is not null)
            {
                cases.Add(new GateCase("champion", gate.Metric, failed, notComparable.Message, notComparable.Code));
            }
            else
            {
                string measured = metrics.TryGetValue(gate.Metric, out double mine) && champion.Metrics!.TryGetValue(gate.Metric, out double theirs)
                    ? $"{ChampionGate.Describe(gate.Metric, mine, theirs, champion)}: {ChampionThreshold.Describe(gate)}"
                    : $"{gate.Metric}: not reported";
                cases.Add(Case("champion", gate.Metric, gate.Line, measured, found, failed));
            }
        }

        if (notComparable is not null && spec.Champion?.Metrics is not { Count: > 0 })
        {
            cases.Add(new GateCase("champion", "comparable", failed, notComparable.Message, notComparable.Code));
        }

        return cases;
    }

    private static GateCase Case(string group, string metric, int line, string measured, DiagnosticBag found, GateStatus failed) =>
        found.FirstOrDefault(d => d.Severity == Severity.Error && d.Line == line) is { } failure
            ? new GateCase(group, metric, failure.Code == Codes.GateMetricMissing ? GateStatus.Failed : failed, failure.Message, failure.Code)
            : new GateCase(group, metric, GateStatus.Passed, measured);
}
