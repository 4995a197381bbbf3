namespace MLOps.Core.Drift.Methods;

/// <summary>
/// The exact null probability that two samples of sizes m and n give D &gt;= h / lcm(m, n): one minus the share
/// of monotone lattice paths from (0, 0) to (m, n) that stay strictly inside |x/m - y/n| &lt; h / lcm (Hodges 1958,
/// after Drion, Gnedenko and Korolyuk). Shares, not counts, are propagated: the share of paths reaching (x, y)
/// inside the band is (x * share(x-1, y) + y * share(x, y-1)) / (x + y), so no binomial coefficient overflows.
/// Only the band's cells of one column are kept.
/// </summary>
internal static class KsExact
{
    public static double ProbabilityOutside(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }
        long mg = m / g, ng = n / g;
        // Cell (x, y) is inside when |x * ng - y * mg| < h.
        var share = new double[n + 1];
        var next = new double[n + 1];
        long top = Math.Min(CeilDiv(h, mg) - 1, n); // column 0: y * mg < h
        for (long y = 0; y <= top; y++)
        {
            share[y] = 1;
        }
        long lastLow = 0, lastHigh = top;
        for (long x = 1; x <= m; x++)
        {
            long low = Math.Max(FloorDiv((x * ng) - h, mg) + 1, 0);
            long high = Math.Min(CeilDiv((x * ng) + h, mg) - 1, n);
            if (low > high)
            {
                return 1.0;
            }
            double below = 0; // share(x, y - 1), zero outside the band
            for (long y = low; y <= high; y++)
            {
                double left = y >= lastLow && y <= lastHigh ? share[y] : 0;
                below = ((x * left) + (y * below)) / (x + y);
                next[y] = below;
            }
            (share, next) = (next, share);
            lastLow = low;
            lastHigh = high;
        }
        return lastHigh == n && lastLow <= n ? 1 - share[n] : 1.0;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
}
