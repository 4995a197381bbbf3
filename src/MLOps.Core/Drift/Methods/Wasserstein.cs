using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift.Methods;

/// <summary>
/// Wasserstein-1 distance normed by the reference's standard deviation, as Evidently's wasserstein test:
/// W = integral of |F_ref(x) - F_cur(x)| dx (scipy.stats.wasserstein_distance), divided by max(std_ref, 0.001).
/// From a grid each value stands at its cell's midpoint, at most half a cell away, so |W_grid - W_exact| is at
/// most the sum of both sides' half widths (W is a metric); normed, divided by the same norm.
/// </summary>
internal sealed class Wasserstein : IDriftMethod
{
    public string Name => "wasserstein";

    public bool IsPValue => false;

    public double DefaultThreshold => 0.1;

    public bool AppliesTo(DriftColumnKind kind) => kind == DriftColumnKind.Numeric;

    public MethodResult? Compute(ComparedColumn column)
    {
        NumericSide r = column.ReferenceSide!, c = column.CurrentSide!;
        double norm = column.Norm;
        double distance = Distance(r.Values, r.Counts, c.Values, c.Counts);
        return new MethodResult(distance / norm, null, (r.HalfWidth + c.HalfWidth) / norm);
    }

    /// <summary>W1 between two weighted samples, each sorted ascending (ties allowed).</summary>
    public static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<long> uWeights, ReadOnlySpan<double> v, ReadOnlySpan<long> vWeights) =>
        Distance(u, Widen(uWeights), v, Widen(vWeights));

    /// <summary>
    /// W1 with real weights (scipy's u_weights, v_weights), values sorted ascending: one merged walk, each CDF
    /// its cumulative weight over its total, summed as |F_u - F_v| times the gap to the next value.
    /// </summary>
    public static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<double> uWeights, ReadOnlySpan<double> v, ReadOnlySpan<double> vWeights)
    {
        double uTotal = Sum(uWeights), vTotal = Sum(vWeights);
        int i = 0, j = 0;
        double uCum = 0, vCum = 0, sum = 0;
        double x = Math.Min(u[0], v[0]);
        while (true)
        {
            while (i < u.Length && u[i] == x)
            {
                uCum += uWeights[i++];
            }
            while (j < v.Length && v[j] == x)
            {
                vCum += vWeights[j++];
            }
            if (i >= u.Length && j >= v.Length)
            {
                return sum;
            }
            double next = j >= v.Length || (i < u.Length && u[i] <= v[j]) ? u[i] : v[j];
            sum += Math.Abs((uCum / uTotal) - (vCum / vTotal)) * (next - x);
            x = next;
        }
    }

    private static double[] Widen(ReadOnlySpan<long> counts)
    {
        var widened = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            widened[i] = counts[i];
        }
        return widened;
    }

    private static double Sum(ReadOnlySpan<double> weights)
    {
        double sum = 0;
        foreach (double w in weights)
        {
            sum += w;
        }
        return sum;
    }
}
