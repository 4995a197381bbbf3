namespace MLOps.Core.Drift.Methods;

/// <summary>
/// The two-sided p-value of the two-sample KS statistic, choosing as scipy 1.10.1's ks_2samp(method='auto'):
/// exact when both samples have at most 10,000 values (the statistic is then rounded to a multiple of
/// 1/lcm(n1, n2), as scipy reports it), else the one-sample Kolmogorov distribution's survival function at
/// n = round(n1 n2 / (n1 + n2)) (<see cref="KolmogorovDistribution"/>).
/// </summary>
internal static class KsPValue
{
    private const long MaxExactN = 10_000;

    public static (double Statistic, double PValue) TwoSided(double d, long n1, long n2)
    {
        if (Math.Max(n1, n2) <= MaxExactN)
        {
            long g = Gcd(n1, n2);
            long lcm = n1 / g * n2;
            long h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
            double rounded = h * 1.0 / lcm;
            if (h == 0)
            {
                return (rounded, 1.0);
            }
            double p = KsExact.ProbabilityOutside(n1, n2, g, h);
            if (p >= 0 && p <= 1)
            {
                return (rounded, p);
            }
            d = rounded;
        }
        double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        double en = Math.Round(m * n / (m + n), MidpointRounding.ToEven);
        return (d, Math.Clamp(KolmogorovDistribution.Survival((long)en, d), 0, 1));
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
