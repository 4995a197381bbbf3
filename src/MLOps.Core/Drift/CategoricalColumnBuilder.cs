using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift;

/// <summary>
/// Summarises one categorical column from its per-category counts: the top <see cref="DriftReferenceBuilder.MaxCategories"/>
/// categories, most frequent first (ties by ordinal value, so the file is deterministic), the rest pooled as other.
/// </summary>
internal static class CategoricalColumnBuilder
{
    public static DriftColumn Build(string name, Dictionary<string, long> counts, long missing, int maxCategories)
    {
        var entries = new KeyValuePair<string, long>[counts.Count];
        int i = 0;
        long total = 0;
        foreach (KeyValuePair<string, long> entry in counts)
        {
            entries[i++] = entry;
            total += entry.Value;
        }
        Array.Sort(entries, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        int kept = Math.Min(entries.Length, maxCategories);
        var categories = new string[kept];
        var kept_counts = new long[kept];
        long other = total;
        for (int k = 0; k < kept; k++)
        {
            categories[k] = entries[k].Key;
            kept_counts[k] = entries[k].Value;
            other -= entries[k].Value;
        }
        return new DriftColumn(name, DriftColumnKind.Categorical, total, missing, Categories: categories, Counts: kept_counts, Other: other);
    }
}
