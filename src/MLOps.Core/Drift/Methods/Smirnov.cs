namespace MLOps.Core.Drift.Methods;

/// <summary>
/// The exact one-sided Kolmogorov-Smirnov tail P(D_n+ &gt;= x) (scipy.special.smirnov), by the Birnbaum and
/// Tingey (1951) sum x * sum_{j=0}^{floor(n(1-x))} C(n, j) (1 - x - j/n)^(n-j) (x + j/n)^(j-1), every term
/// positive and computed through logarithms so no binomial coefficient overflows.
/// </summary>
internal static class Smirnov
{
    public static double Survival(long n, double x)
    {
        if (x >= 1)
        {
            return 0;
        }
        if (x <= 0)
        {
            return 1;
        }
        long last = (long)Math.Floor(n * (1 - x));
        double logBinomial = 0; // log C(n, 0)
        double sum = 0;
        for (long j = 0; j <= last; j++)
        {
            if (j > 0)
            {
                logBinomial += Math.Log((double)(n - j + 1) / j);
            }
            double below = ((double)(n - j) / n) - x;
            if (below <= 0)
            {
                break;
            }
            double above = x + ((double)j / n);
            sum += Math.Exp(logBinomial + ((n - j) * Math.Log(below)) + ((j - 1) * Math.Log(above)));
        }
        return Math.Clamp(x * sum, 0, 1);
    }
}
