using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Gates;

/// <summary>
/// Applies the spec's champion thresholds to the candidate's and the champion's metrics on the same test rows. Every
/// threshold is checked and every miss reported (MLOPS3004 at the metric's line in the spec); a champion that could not
/// score the rows fails the comparison (MLOPS3007).
/// </summary>
public static class ChampionGate
{
    public static ChampionComparison Compare(ModelSpec spec, IReadOnlyDictionary<string, double> candidate, ChampionEvaluation champion, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(bag);
        int line = spec.Champion?.Line ?? 0;
        if (champion.Metrics is not { } metrics)
        {
            string reason = champion.NotComparable ?? "it reported no metrics";
            bag.Error(Codes.ChampionNotComparable, $"Champion {champion.Version} ({champion.Stage}) cannot be compared with the candidate: {reason}.{QualityGate.NotPacked} If the schema change is intended, the candidate replaces a model it cannot be measured against: override the gate with a reason (MLOpsGateOverride).", spec.SourcePath, line);
            return new ChampionComparison(champion.Stage, champion.Version, champion.ModelSha256, Sorted(new Dictionary<string, double>()), [], Passed: false)
            {
                CandidateMetrics = Sorted(candidate),
                NotComparable = reason,
            };
        }

        var verdicts = new List<ChampionVerdict>();
        bool passed = true;
        foreach (ChampionGateSpec gate in spec.Champion?.Metrics ?? [])
        {
            if (!candidate.TryGetValue(gate.Metric, out double mine) || !metrics.TryGetValue(gate.Metric, out double theirs))
            {
                bag.Error(Codes.GateMetricMissing, $"Champion threshold '{gate.Metric}' has no metric to compare: the candidate reported {string.Join(", ", candidate.Keys)}; the champion {string.Join(", ", metrics.Keys)}.", spec.SourcePath, gate.Line);
                passed = false;
                continue;
            }

            IReadOnlyList<string> misses = ChampionThreshold.Misses(gate, mine, theirs);
            verdicts.Add(new ChampionVerdict(gate.Metric, mine, theirs, gate.MinImprovement, gate.MinRelativeImprovement, gate.MaxRegression, misses.Count == 0)
            {
                Delta = mine - theirs,
                HigherIsBetter = MetricCatalog.HigherIsBetter(gate.Metric),
            });
            if (misses.Count > 0)
            {
                passed = false;
                bag.Error(Codes.ChampionGateFailed, $"Champion gate failed: {Describe(gate.Metric, mine, theirs, champion)}: {string.Join("; ", misses)}.{QualityGate.NotPacked} Improve the model or data, or change the threshold in the spec if it is wrong.", spec.SourcePath, gate.Line);
            }
        }

        return new ChampionComparison(champion.Stage, champion.Version, champion.ModelSha256, Sorted(metrics), verdicts, passed)
        {
            CandidateMetrics = Sorted(candidate),
        };
    }

    private static SortedDictionary<string, double> Sorted(IReadOnlyDictionary<string, double> metrics) =>
        new(metrics.ToDictionary(), StringComparer.Ordinal);

    /// <summary>"auc = 0.61 against the champion's 0.65 (1.0.0, production; higher is better)".</summary>
    public static string Describe(string metric, double candidate, double champion, ChampionEvaluation evaluation) =>
        $"{metric} = {ChampionThreshold.F(candidate)} against the champion's {ChampionThreshold.F(champion)} ({evaluation.Version}, {evaluation.Stage}; {(MetricCatalog.HigherIsBetter(metric) ? "higher" : "lower")} is better)";
}
