using MLOps.Core.Drift.Columns;

using MathNet.Numerics;

namespace MLOps.Core.Drift.Methods;

/// <summary>
/// Pearson's chi-square test of homogeneity on the 2 x k table of reference and current counts, as
/// scipy.stats.chi2_contingency(table) (correction=True): expected = row sum * column sum / total, statistic =
/// sum (observed - expected)^2 / expected, k - 1 degrees of freedom, Yates' correction (each observed count moved
/// up to 0.5 toward its expected count) when that is 1, and with none left the statistic 0 and the p-value 1.
/// The p-value is the chi-square survival function, the regularised upper incomplete gamma Q(dof / 2, x / 2).
/// Categories are the shared categories; numbers are compared by their distinct values, so a grid (a column
/// with over 100,000 distinct values) has no chi-square.
/// </summary>
internal sealed class ChiSquare : IDriftMethod
{
    public string Name => "chisquare";

    public bool IsPValue => true;

    public double DefaultThreshold => 0.05;

    public bool AppliesTo(DriftColumnKind kind) => true;

    public MethodResult? Compute(ComparedColumn column)
    {
        long[] reference, current;
        if (column.Kind == DriftColumnKind.Categorical)
        {
            (reference, current) = (column.Bins.Reference, column.Bins.Current);
        }
        else if (column.ReferenceSide!.Exact && column.CurrentSide!.Exact)
        {
            (reference, current) = Align(column.ReferenceSide, column.CurrentSide);
        }
        else
        {
            return null;
        }
        (double statistic, double p) = Test(reference, current);
        return new MethodResult(statistic, p, column.Bins.Pooled ? null : 0);
    }

    /// <summary>chi2_contingency on the table whose rows are <paramref name="reference"/> and <paramref name="current"/>; no column may be zero in both.</summary>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        int k = reference.Length;
        int dof = k - 1;
        if (dof == 0)
        {
            return (0, 1);
        }
        double r1 = 0, r2 = 0;
        for (int j = 0; j < k; j++)
        {
            r1 += reference[j];
            r2 += current[j];
        }
        double total = r1 + r2;
        double statistic = 0;
        for (int j = 0; j < k; j++)
        {
            double column = reference[j] + current[j];
            statistic += Cell(reference[j], r1 * column / total, dof) + Cell(current[j], r2 * column / total, dof);
        }
        return (statistic, Survival(statistic, dof));
    }

    /// <summary>The chi-square distribution's survival function (scipy.stats.chi2.sf).</summary>
    public static double Survival(double x, int dof) => x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(dof / 2.0, x / 2);

    private static double Cell(double observed, double expected, int dof)
    {
        if (dof == 1)
        {
            double diff = expected - observed;
            observed += Math.Sign(diff) * Math.Min(0.5, Math.Abs(diff));
        }
        double d = observed - expected;
        return d * d / expected;
    }

    // The two sides' distinct values merged: each value's count on each side (zero where a side lacks it).
    private static (long[] Reference, long[] Current) Align(NumericSide r, NumericSide c)
    {
        var reference = new List<long>(r.Values.Length);
        var current = new List<long>(r.Values.Length);
        int i = 0, j = 0;
        while (i < r.Values.Length || j < c.Values.Length)
        {
            bool takeR = i < r.Values.Length && (j >= c.Values.Length || r.Values[i] <= c.Values[j]);
            bool takeC = j < c.Values.Length && (i >= r.Values.Length || c.Values[j] <= r.Values[i]);
            reference.Add(takeR ? r.Counts[i++] : 0);
            current.Add(takeC ? c.Counts[j++] : 0);
        }
        return ([.. reference], [.. current]);
    }
}
