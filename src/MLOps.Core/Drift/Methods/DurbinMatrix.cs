namespace MLOps.Core.Drift.Methods;

/// <summary>
/// The exact CDF P(D_n &lt; d) of the Kolmogorov statistic by Durbin's matrix (1968) as Marsaglia, Tsang and
/// Wang (2003) compute it: with k = ceil(n d), h = k - n d and m = 2k - 1, P = n!/n^n * (H^n)[k-1, k-1] for the
/// m x m matrix H[i, j] = 1/(i - j + 1)! (0 above the first superdiagonal), its first column and last row less
/// h^p/p!, and its corner plus (2h - 1)^m / m! when 2h &gt; 1. Powers are taken by squaring; a separate binary
/// exponent keeps the entries in range.
/// </summary>
internal static class DurbinMatrix
{
    private const int ScaleBits = 128;

    public static double Cdf(long n, double d)
    {
        double nd = n * d;
        if (nd <= 0.5)
        {
            return 0;
        }
        if (d >= 1)
        {
            return 1;
        }
        int k = (int)Math.Ceiling(nd);
        double h = k - nd;
        int m = (2 * k) - 1;
        double[,] power = Identity(m);
        double[,] square = Initial(m, h);
        long powerExponent = 0, squareExponent = 0;
        for (long e = n; e > 0; e >>= 1)
        {
            if ((e & 1) == 1)
            {
                power = Multiply(power, square);
                powerExponent += squareExponent;
            }
            square = Multiply(square, square);
            squareExponent *= 2;
            if (square[k - 1, k - 1] > Math.ScaleB(1, ScaleBits))
            {
                Scale(square, Math.ScaleB(1, -ScaleBits));
                squareExponent += ScaleBits;
            }
        }
        double p = power[k - 1, k - 1];
        for (long i = 1; i <= n; i++)
        {
            p = i * p / n; // times n!/n^n, one factor at a time
            if (Math.Abs(p) < Math.ScaleB(1, -ScaleBits))
            {
                p = Math.ScaleB(p, ScaleBits);
                powerExponent -= ScaleBits;
            }
        }
        return Math.Clamp(Math.ScaleB(p, (int)powerExponent), 0, 1);
    }

    private static double[,] Initial(int m, double h)
    {
        var inverseFactorial = new double[m + 1];
        inverseFactorial[0] = 1;
        for (int i = 1; i <= m; i++)
        {
            inverseFactorial[i] = inverseFactorial[i - 1] / i;
        }
        var matrix = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                matrix[i, j] = i - j + 1 >= 0 ? inverseFactorial[i - j + 1] : 0;
            }
        }
        for (int i = 0; i < m; i++)
        {
            matrix[i, 0] -= Math.Pow(h, i + 1) * inverseFactorial[i + 1];
            matrix[m - 1, i] -= Math.Pow(h, m - i) * inverseFactorial[m - i];
        }
        if ((2 * h) - 1 > 0)
        {
            matrix[m - 1, 0] += Math.Pow((2 * h) - 1, m) * inverseFactorial[m];
        }
        return matrix;
    }

    private static double[,] Identity(int m)
    {
        var identity = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            identity[i, i] = 1;
        }
        return identity;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int m = a.GetLength(0);
        var c = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int l = 0; l < m; l++)
            {
                double ail = a[i, l];
                if (ail == 0)
                {
                    continue;
                }
                for (int j = 0; j < m; j++)
                {
                    c[i, j] += ail * b[l, j];
                }
            }
        }
        return c;
    }

    private static void Scale(double[,] matrix, double factor)
    {
        int m = matrix.GetLength(0);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                matrix[i, j] *= factor;
            }
        }
    }
}
