using System.Globalization;
using MLOps.Core.Spec;

namespace MLOps.Core.Sweeps;

/// <summary>One value of a parameter's search space from a uniform draw in [0, 1).</summary>
internal static class SweepDraw
{
    public static double From(SweepParameter parameter, double u) => parameter switch
    {
        SweepChoice c => c.Values[Math.Min((int)(u * c.Values.Count), c.Values.Count - 1)],
        SweepRange { Integer: true } r => Whole(r, u),
        SweepRange r => Round(Scaled(r.Min, r.Max, r.Scale, u)),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
    };

    private static double Scaled(double min, double max, SweepScale scale, double u) => scale == SweepScale.Log
        ? Math.Exp(Math.Log(min) + (u * (Math.Log(max) - Math.Log(min))))
        : min + (u * (max - min));

    /// <summary>Whole numbers from ceil(min) to floor(max), each as likely (linear) or log-uniform, both ends included.</summary>
    private static double Whole(SweepRange r, double u)
    {
        double lo = Math.Ceiling(r.Min);
        double hi = Math.Floor(r.Max);
        double value = r.Scale == SweepScale.Log
            ? Math.Round(Scaled(Math.Max(lo, double.Epsilon), hi, SweepScale.Log, u))
            : Math.Floor(lo + (u * (hi - lo + 1)));
        return Math.Clamp(value, lo, hi);
    }

    /// <summary>Six significant digits: readable in run tables and MSBuild logs, and exact through the invariant text trials travel as.</summary>
    private static double Round(double value) => double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
