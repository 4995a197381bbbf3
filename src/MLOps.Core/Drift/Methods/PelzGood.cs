namespace MLOps.Core.Drift.Methods;

/// <summary>
/// Pelz and Good's (1976) expansion of the Kolmogorov CDF, P(D_n &lt;= x) ~ K0(z) + K1(z)/sqrt(n) + K2(z)/n +
/// K3(z)/n^(3/2) with z = x sqrt(n), each K a theta-function series in exp(-pi^2 (2k-1)^2 / (8 z^2)) (and, for
/// K2 and K3, in exp(-pi^2 k^2 / (2 z^2))), as Simard and L'Ecuyer (2011) give it. The series are summed to
/// k = ceil(16 z / pi) terms.
/// </summary>
internal static class PelzGood
{
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);

    public static double Cdf(long n, double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        if (x >= 1)
        {
            return 1;
        }
        double z = Math.Sqrt(n) * x;
        double z2 = z * z, z4 = z2 * z2, z6 = z4 * z2, z8 = z4 * z4;
        double qLog = -Math.PI * Math.PI / 8 / z2;
        if (qLog < -708)
        {
            return 0;
        }
        double pi2 = Math.PI * Math.PI, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
        double k1a = -z2, k1b = pi2 / 4;
        double k2a = (6 * z6) + (2 * z4), k2b = ((2 * z4) - (5 * z2)) * pi2 / 4, k2c = pi4 * (1 - (2 * z2)) / 16;
        double k3a = (-30 * z6) - (90 * z8), k3b = pi2 * ((135 * z4) - (96 * z6)) / 4, k3c = pi4 * ((-60 * z2) + (212 * z4)) / 16, k3d = pi6 * (5 - (30 * z2)) / 64;

        int terms = (int)Math.Ceiling(16 * z / Math.PI);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, e2 = 0, e3 = 0;
        // Smallest terms first, so the sums lose nothing to the largest.
        for (int k = terms; k >= 1; k--)
        {
            double m = (2 * k) - 1, m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
            double q = Math.Exp(qLog * m2);
            s0 += q;
            s1 += (k1a + (k1b * m2)) * q;
            s2 += (k2a + (k2b * m2) + (k2c * m4)) * q;
            s3 += (k3a + (k3b * m2) + (k3c * m4) + (k3d * m6)) * q;
            double kk = (double)k * k;
            double r = Math.Exp(-pi2 * kk / 2 / z2);
            e2 += kk * r;
            e3 += ((3 * z2) - (pi2 * kk)) * kk * r;
        }
        double k0 = Sqrt2Pi * s0 / z;
        double k1 = Sqrt2Pi * s1 / (6 * z4);
        double k2 = (Sqrt2Pi * s2 / (72 * z6 * z)) + (e2 * pi2 * Sqrt2Pi / (-36 * z2 * z));
        double k3 = (Sqrt2Pi * s3 / (6480 * z8 * z2)) + (e3 * pi2 * Sqrt2Pi / (216 * z6));
        double sqrtN = Math.Sqrt(n);
        return k0 + (k1 / sqrtN) + (k2 / n) + (k3 / (n * sqrtN));
    }
}
