namespace MLOps.Core.Drift.Methods;

/// <summary>The survival function of the one-sample two-sided Kolmogorov statistic D_n (scipy's kstwo.sf).</summary>
internal static class KolmogorovDistribution
{
    // Foundation placeholder: the limiting distribution; replaced by Simard and L'Ecuyer's choice of algorithms.
    public static double Survival(long n, double d)
    {
        double z = Math.Sqrt(n) * d;
        if (z < 0.2)
        {
            return 1;
        }
        double sum = 0;
        for (int k = 1; k < 100; k++)
        {
            sum += (k % 2 == 1 ? 2 : -2) * Math.Exp(-2 * k * k * z * z);
        }
        return sum;
    }
}
