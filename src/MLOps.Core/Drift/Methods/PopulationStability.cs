using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift.Methods;

/// <summary>
/// Population stability index as Evidently computes it: over the shared bins (30 equal-width bins for numbers,
/// the categories otherwise), PSI = sum (p_i - q_i) * ln(p_i / q_i), p and q the reference's and current's
/// shares, an empty bin's share taken as 0.0001 (<see cref="Epsilon"/>). From a grid: the bound of <see cref="BinTerms"/>.
/// </summary>
internal sealed class PopulationStability : IDriftMethod
{
    /// <summary>The share an empty bin is given, so the logarithm stays finite (Evidently's value).</summary>
    public const double Epsilon = 0.0001;

    public string Name => "psi";

    public bool IsPValue => false;

    public double DefaultThreshold => 0.1;

    public bool AppliesTo(DriftColumnKind kind) => true;

    public MethodResult? Compute(ComparedColumn column)
    {
        (double value, double low, double high) = BinTerms.Sum(column.Bins, Term, Adjust);
        return new MethodResult(value, null, column.Bins.Pooled ? null : Math.Max(value - low, high - value));
    }

    private static double Adjust(double share, long total) => share == 0 ? Epsilon : share;

    private static double Term(double p, double q) => (p - q) * Math.Log(p / q);
}
