using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift.Methods;

/// <summary>
/// Two-sample Kolmogorov-Smirnov: D = sup |F_ref(x) - F_cur(x)| and its two-sided p-value as scipy 1.10.1's
/// ks_2samp(method='auto') gives it (<see cref="KsPValue"/>). One merged walk over both sorted sides.
/// When a side is a grid its CDF is known only at cell edges: the walk brackets D between a low and a high value
/// (within a cell each CDF lies between its values at the cell's edges); the statistic reported is the middle
/// of the bracket, the bound half its width, and the p-value's bound the larger change over the bracket.
/// </summary>
internal sealed class KolmogorovSmirnov : IDriftMethod
{
    public string Name => "ks";

    public bool IsPValue => true;

    public double DefaultThreshold => 0.05;

    public bool AppliesTo(DriftColumnKind kind) => kind == DriftColumnKind.Numeric;

    public MethodResult? Compute(ComparedColumn column)
    {
        NumericSide r = column.ReferenceSide!, c = column.CurrentSide!;
        (double low, double high) = Bracket(r, c);
        long n1 = r.Total, n2 = c.Total;
        if (low == high)
        {
            (double d, double p) = KsPValue.TwoSided(low, n1, n2);
            return new MethodResult(d, p, 0);
        }
        double mid = (low + high) / 2;
        (double statistic, double pValue) = KsPValue.TwoSided(mid, n1, n2);
        double pLow = KsPValue.TwoSided(low, n1, n2).PValue, pHigh = KsPValue.TwoSided(high, n1, n2).PValue;
        return new MethodResult(statistic, pValue, Math.Max(Math.Abs(pLow - pValue), Math.Abs(pHigh - pValue)), (high - low) / 2);
    }

    /// <summary>The statistic alone, with its bound (half the bracket): for the bound tests.</summary>
    internal static (double Statistic, double Bound) Statistic(NumericSide r, NumericSide c)
    {
        (double low, double high) = Bracket(r, c);
        return ((low + high) / 2, (high - low) / 2);
    }

    /// <summary>
    /// Walks the union of both sides' step points. Between two consecutive points each side's CDF lies in its
    /// current [Lo, Hi]; D is at least max(LoR - HiC, LoC - HiR) there and at most max(HiR - LoC, HiC - LoR).
    /// With exact sides Lo = Hi and both are scipy's max |cdf1 - cdf2| over the pooled values.
    /// </summary>
    internal static (double Low, double High) Bracket(NumericSide r, NumericSide c)
    {
        double[] rp = r.Points, cp = c.Points;
        int i = 0, j = 0;
        double loR = 0, hiR = 0, loC = 0, hiC = 0, low = 0, high = 0;
        while (i < rp.Length || j < cp.Length)
        {
            double x = j >= cp.Length || (i < rp.Length && rp[i] <= cp[j]) ? rp[i] : cp[j];
            // Take every step point at x on both sides: the segment [x, next) then has the last of them.
            while (i < rp.Length && rp[i] == x)
            {
                loR = r.Lo[i];
                hiR = r.Hi[i];
                i++;
            }
            while (j < cp.Length && cp[j] == x)
            {
                loC = c.Lo[j];
                hiC = c.Hi[j];
                j++;
            }
            low = Math.Max(low, Math.Max(loR - hiC, loC - hiR));
            high = Math.Max(high, Math.Max(hiR - loC, hiC - loR));
        }
        return (Math.Min(low, 1), Math.Min(high, 1));
    }
}
