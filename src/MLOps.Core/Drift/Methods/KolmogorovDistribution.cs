using MathNet.Numerics;

namespace MLOps.Core.Drift.Methods;

/// <summary>
/// The survival function P(D_n &gt;= x) of the one-sample two-sided Kolmogorov statistic (scipy's kstwo.sf),
/// choosing the algorithm by n and x as Simard and L'Ecuyer (2011) recommend and scipy 1.10.1 does: Ruben and
/// Gambino's closed forms at the ends, twice the exact one-sided tail (<see cref="Smirnov"/>) where that is
/// exact (x &gt;= 0.5) or accurate (Miller), Durbin's matrix (<see cref="DurbinMatrix"/>) for the exact CDF of
/// small n and x, and Pelz and Good's expansion (<see cref="PelzGood"/>) otherwise.
/// Where scipy uses Pomeranz's recursion (n &lt;= 140, 0.754693 &lt; n x^2 &lt;= 4) this uses Durbin's matrix, which
/// computes the same exact CDF (the tests hold the two to 1e-9).
/// </summary>
internal static class KolmogorovDistribution
{
    public static double Survival(long n, double x)
    {
        if (n <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }
        if (x >= 1)
        {
            return 0;
        }
        if (x <= 0)
        {
            return 1;
        }
        double t = n * x;
        if (t <= 1)
        {
            return t <= 0.5 ? 1 : 1 - RubenGambinoLow(n, t);
        }
        if (t >= n - 1)
        {
            return 2 * Math.Pow(1 - x, n);
        }
        if (x >= 0.5)
        {
            return 2 * Smirnov.Survival(n, x);
        }
        double nxx = t * x;
        if (n <= 140)
        {
            return nxx <= 4 ? 1 - DurbinMatrix.Cdf(n, x) : 2 * Smirnov.Survival(n, x);
        }
        if (nxx >= 370)
        {
            return 0;
        }
        if (nxx >= 2.2)
        {
            return 2 * Smirnov.Survival(n, x);
        }
        return 1 - (n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4 ? DurbinMatrix.Cdf(n, x) : PelzGood.Cdf(n, x));
    }

    // P(D_n <= x) = n! / n^n * (2t - 1)^n for 1/2 <= t = n x <= 1.
    private static double RubenGambinoLow(long n, double t)
    {
        if (n <= 140)
        {
            double product = 1;
            for (long i = 1; i <= n; i++)
            {
                product *= i * (1.0 / n) * ((2 * t) - 1);
            }
            return product;
        }
        return Math.Exp(SpecialFunctions.GammaLn(n + 1) - (n * Math.Log(n)) + (n * Math.Log((2 * t) - 1)));
    }
}
