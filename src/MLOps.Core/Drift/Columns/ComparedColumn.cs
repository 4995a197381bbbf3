namespace MLOps.Core.Drift.Columns;

/// <summary>
/// One column of both sides, prepared once for every statistic: numeric sides as sorted weighted samples (the
/// values were sorted when the reference was built, so nothing is sorted again) and the shared bins.
/// </summary>
internal sealed class ComparedColumn
{
    private ComparedColumn(DriftColumn reference, DriftColumn current)
    {
        Reference = reference;
        Current = current;
        if (Kind == DriftColumnKind.Numeric)
        {
            ReferenceSide = NumericSide.From(reference);
            CurrentSide = NumericSide.From(current);
            Bins = NumericBinning.Bin(reference, ReferenceSide, current, CurrentSide);
        }
        else
        {
            Bins = CategoricalBinning.Bin(reference, current);
        }
    }

    public DriftColumn Reference { get; }

    public DriftColumn Current { get; }

    public DriftColumnKind Kind => Reference.Kind;

    public NumericSide? ReferenceSide { get; }

    public NumericSide? CurrentSide { get; }

    public BinnedPair Bins { get; }

    /// <summary>Both sides hold every value exactly.</summary>
    public bool Exact => Reference.IsExact && Current.IsExact;

    /// <summary>What normed Wasserstein divides by: the reference's (population) standard deviation, at least 0.001 (Evidently's floor for a constant column).</summary>
    public double Norm => Math.Max(Reference.StdDev ?? 0, 0.001);

    public static ComparedColumn Create(DriftColumn reference, DriftColumn current) => new(reference, current);

    /// <summary>Distinct values over both sides (as Evidently's nunique on the pooled values); a grid counts as many.</summary>
    public int DistinctValues()
    {
        if (Kind == DriftColumnKind.Categorical)
        {
            return Bins.Categories!.Length;
        }
        if (ReferenceSide is not { Exact: true } r || CurrentSide is not { Exact: true } c)
        {
            return int.MaxValue;
        }
        int distinct = 0, i = 0, j = 0;
        while (i < r.Values.Length || j < c.Values.Length)
        {
            double next = j >= c.Values.Length || (i < r.Values.Length && r.Values[i] <= c.Values[j]) ? r.Values[i] : c.Values[j];
            while (i < r.Values.Length && r.Values[i] == next)
            {
                i++;
            }
            while (j < c.Values.Length && c.Values[j] == next)
            {
                j++;
            }
            distinct++;
        }
        return distinct;
    }
}
