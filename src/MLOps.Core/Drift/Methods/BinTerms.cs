using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift.Methods;

/// <summary>
/// Sums a per-bin term f(p_i, q_i) over the shared bins (p the reference's share of a bin, q the current's) and,
/// when a side came from a grid, the range the sum can take over every possible assignment of the cells cut by
/// bin edges. The terms used here (Jensen-Shannon's and PSI's) are jointly convex, zero when p = q and growing
/// as p and q move apart, so over a box of possible (p, q) the largest value is at a corner and the smallest
/// is 0 when the two intervals overlap, else at the two nearest ends. Summing per-bin ranges ignores that a
/// cell taken from one bin goes to its neighbour, so the range is wider than the truth, never narrower.
/// </summary>
internal static class BinTerms
{
    public static (double Value, double Low, double High) Sum(BinnedPair bins, Func<double, double, double> term, Func<double, long, double>? adjust = null)
    {
        long refTotal = bins.ReferenceTotal, curTotal = bins.CurrentTotal;
        (long[] Lo, long[] Hi) r = bins.ReferenceRange ?? (bins.Reference, bins.Reference);
        (long[] Lo, long[] Hi) c = bins.CurrentRange ?? (bins.Current, bins.Current);
        double value = 0, low = 0, high = 0;
        for (int i = 0; i < bins.Reference.Length; i++)
        {
            value += term(Share(bins.Reference[i], refTotal, adjust), Share(bins.Current[i], curTotal, adjust));
            if (bins.Exact)
            {
                continue;
            }
            (double pLo, double pHi) = Box(r.Lo[i], r.Hi[i], refTotal, adjust);
            (double qLo, double qHi) = Box(c.Lo[i], c.Hi[i], curTotal, adjust);
            high += Math.Max(Math.Max(term(pLo, qLo), term(pLo, qHi)), Math.Max(term(pHi, qLo), term(pHi, qHi)));
            low += pHi < qLo ? term(pHi, qLo) : qHi < pLo ? term(pLo, qHi) : 0;
        }
        return bins.Exact ? (value, value, value) : (value, Math.Min(low, value), Math.Max(high, value));
    }

    private static double Share(long count, long total, Func<double, long, double>? adjust)
    {
        double share = (double)count / total;
        return adjust is null ? share : adjust(share, total);
    }

    // The shares a bin can have; an adjusted zero (PSI's epsilon) may sit outside [lo, hi], so the box takes it in.
    private static (double Lo, double Hi) Box(long lo, long hi, long total, Func<double, long, double>? adjust)
    {
        double a = (double)lo / total, b = (double)hi / total;
        if (adjust is null)
        {
            return (a, b);
        }
        double adjustedLow = adjust(a, total), adjustedHigh = adjust(b, total);
        if (lo == 0 && hi > 0)
        {
            double smallest = 1.0 / total; // the least non-zero share
            return (Math.Min(adjustedLow, smallest), Math.Max(adjustedLow, adjustedHigh));
        }
        return (Math.Min(adjustedLow, adjustedHigh), Math.Max(adjustedLow, adjustedHigh));
    }
}
