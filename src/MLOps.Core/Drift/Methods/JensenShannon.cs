using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift.Methods;

/// <summary>
/// Jensen-Shannon distance with the natural log, as scipy.spatial.distance.jensenshannon on the two share
/// vectors over the shared bins (Evidently's jensenshannon test): sqrt((KL(p || m) + KL(q || m)) / 2), m = (p + q) / 2,
/// 0 * log 0 = 0. Between 0 and sqrt(ln 2). From a grid: the bound of <see cref="BinTerms"/>.
/// </summary>
internal sealed class JensenShannon : IDriftMethod
{
    public string Name => "jensenshannon";

    public bool IsPValue => false;

    public double DefaultThreshold => 0.1;

    public bool AppliesTo(DriftColumnKind kind) => true;

    public MethodResult? Compute(ComparedColumn column)
    {
        (double value, double low, double high) = BinTerms.Sum(column.Bins, Term);
        double distance = Distance(value);
        double? bound = column.Bins.Pooled ? null : Math.Max(distance - Distance(low), Distance(high) - distance);
        return new MethodResult(distance, null, bound);
    }

    /// <summary>scipy's jensenshannon(p, q) for two share vectors (normalised here as scipy does).</summary>
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double pSum = 0, qSum = 0;
        foreach (double x in p)
        {
            pSum += x;
        }
        foreach (double x in q)
        {
            qSum += x;
        }
        double js = 0;
        for (int i = 0; i < p.Length; i++)
        {
            js += Term(p[i] / pSum, q[i] / qSum);
        }
        return Distance(js);
    }

    private static double Distance(double js) => Math.Sqrt(Math.Max(js, 0) / 2);

    /// <summary>rel_entr(p, m) + rel_entr(q, m) for one bin.</summary>
    private static double Term(double p, double q)
    {
        double m = (p + q) / 2;
        return (p > 0 ? p * Math.Log(p / m) : 0) + (q > 0 ? q * Math.Log(q / m) : 0);
    }
}
