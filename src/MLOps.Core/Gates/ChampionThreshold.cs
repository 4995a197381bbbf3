using System.Globalization;
using MLOps.Core.Spec;

namespace MLOps.Core.Gates;

/// <summary>
/// The arithmetic of a champion threshold, in the metric's direction: the improvement is candidate minus champion
/// when higher is better, champion minus candidate otherwise; the relative improvement divides it by |champion|.
/// A NaN on either side fails every threshold: no improvement can be shown.
/// </summary>
public static class ChampionThreshold
{
    public static double Improvement(string metric, double candidate, double champion) =>
        MetricCatalog.HigherIsBetter(metric) ? candidate - champion : champion - candidate;

    /// <summary>
    /// The improvement relative to the champion's value. A champion at exactly 0 has no scale: any improvement is
    /// infinitely large (+infinity), no change is 0 and any regression is -infinity.
    /// </summary>
    public static double RelativeImprovement(double improvement, double champion) =>
        champion != 0 ? improvement / Math.Abs(champion)
        : improvement > 0 ? double.PositiveInfinity
        : improvement < 0 ? double.NegativeInfinity
        : improvement; // 0, or NaN

    /// <summary>The thresholds <paramref name="gate"/> sets that the candidate misses, described; empty when it passes.</summary>
    public static IReadOnlyList<string> Misses(ChampionGateSpec gate, double candidate, double champion)
    {
        double improvement = Improvement(gate.Metric, candidate, champion);
        double relative = RelativeImprovement(improvement, champion);
        var misses = new List<string>();
        if (gate.MinImprovement is { } min && !(improvement >= min))
        {
            misses.Add($"improvement {F(improvement)}, required at least {F(min)}");
        }

        if (gate.MinRelativeImprovement is { } minRelative && !(relative >= minRelative))
        {
            misses.Add($"relative improvement {Percent(relative)}, required at least {Percent(minRelative)}");
        }

        if (gate.MaxRegression is { } max && !(-improvement <= max))
        {
            misses.Add($"regression {F(-improvement)}, allowed at most {F(max)}");
        }

        return misses;
    }

    /// <summary>The thresholds of <paramref name="gate"/> as one phrase, for messages and model cards.</summary>
    public static string Describe(ChampionGateSpec gate)
    {
        var parts = new List<string>();
        if (gate.MinImprovement is { } min)
        {
            parts.Add($"improvement >= {F(min)}");
        }

        if (gate.MinRelativeImprovement is { } relative)
        {
            parts.Add($"relative improvement >= {Percent(relative)}");
        }

        if (gate.MaxRegression is { } max)
        {
            parts.Add($"regression <= {F(max)}");
        }

        return string.Join(", ", parts);
    }

    internal static string F(double v) => v switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "infinity",
        double.NegativeInfinity => "-infinity",
        _ => v.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private static string Percent(double v) => double.IsFinite(v) ? (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : F(v);
}
