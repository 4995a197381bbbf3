using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.ModelFormat.Contract;
using MLOps.Core.Spec;

namespace MLOps.Core.Gates;

/// <summary>
/// Applies the spec's absolute thresholds to the evaluation's metrics. Every gate is checked and every
/// failure reported (MLOPS3001 at the gate's line in the spec), so one run shows all that must improve.
/// </summary>
public static class QualityGate
{
    /// <summary>The sentence a failed gate's message carries unless the failure is overridden (<see cref="GateRun"/>).</summary>
    public const string NotPacked = " The model is not packed.";

    public static IReadOnlyList<GateVerdict> Check(ModelSpec spec, IReadOnlyDictionary<string, double> metrics, DiagnosticBag bag)
    {
        var verdicts = new List<GateVerdict>();
        foreach (GateSpec gate in spec.Gates)
        {
            if (!metrics.TryGetValue(gate.Metric, out double value))
            {
                bag.Error(Codes.GateMetricMissing, $"Gate '{gate.Metric}' has no metric to check: the evaluation reported {string.Join(", ", metrics.Keys)}.", spec.SourcePath, gate.Line);
                continue;
            }

            bool passed = !(value < gate.Min) && !(value > gate.Max) && !double.IsNaN(value);
            verdicts.Add(new GateVerdict(gate.Metric, value, gate.Min, gate.Max, passed));
            if (!passed)
            {
                bag.Error(Codes.GateFailed, $"Quality gate failed: {gate.Metric} = {F(value)}, {Threshold(gate)}.{NotPacked} Improve the model or data, or change the gate in the spec if the threshold is wrong.", spec.SourcePath, gate.Line);
            }
        }

        return verdicts;
    }

    public static string Threshold(GateSpec gate) => (gate.Min, gate.Max) switch
    {
        ({ } min, { } max) => $"required between {F(min)} and {F(max)}",
        ({ } min, null) => $"required at least {F(min)}",
        (null, { } max) => $"required at most {F(max)}",
        _ => "no threshold",
    };

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
