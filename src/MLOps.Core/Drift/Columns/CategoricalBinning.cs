namespace MLOps.Core.Drift.Columns;

/// <summary>
/// Aligns two categorical sides on shared categories (see <see cref="BinnedPair"/>). When either side pooled
/// categories beyond its top list into <c>other</c>, a category listed on one side only cannot be told apart
/// from the other side's pool: only the categories both list are kept by name, the rest go to
/// <see cref="BinnedPair.OtherCategory"/> on both sides.
/// </summary>
internal static class CategoricalBinning
{
    public static BinnedPair Bin(DriftColumn reference, DriftColumn current)
    {
        IReadOnlyList<string> refNames = reference.Categories ?? [], curNames = current.Categories ?? [];
        IReadOnlyList<long> refCounts = reference.Counts ?? [], curCounts = current.Counts ?? [];
        var curIndex = new Dictionary<string, int>(curNames.Count, StringComparer.Ordinal);
        for (int i = 0; i < curNames.Count; i++)
        {
            curIndex[curNames[i]] = i;
        }
        bool pooled = reference.Other > 0 || current.Other > 0;
        var names = new List<string>();
        var refBins = new List<long>();
        var curBins = new List<long>();
        var used = new bool[curNames.Count];
        long refOther = reference.Other, curOther = current.Other;
        for (int i = 0; i < refNames.Count; i++)
        {
            bool shared = curIndex.TryGetValue(refNames[i], out int j);
            if (pooled && !shared)
            {
                refOther += refCounts[i];
                continue;
            }
            names.Add(refNames[i]);
            refBins.Add(refCounts[i]);
            curBins.Add(shared ? curCounts[j] : 0);
            if (shared)
            {
                used[j] = true;
            }
        }
        for (int j = 0; j < curNames.Count; j++)
        {
            if (used[j])
            {
                continue;
            }
            if (pooled)
            {
                curOther += curCounts[j];
                continue;
            }
            names.Add(curNames[j]);
            refBins.Add(0);
            curBins.Add(curCounts[j]);
        }
        if (pooled && (refOther > 0 || curOther > 0))
        {
            names.Add(BinnedPair.OtherCategory);
            refBins.Add(refOther);
            curBins.Add(curOther);
        }
        return new BinnedPair { Categories = [.. names], Reference = [.. refBins], Current = [.. curBins], Pooled = pooled };
    }
}
