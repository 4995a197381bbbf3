namespace MLOps.Core.Data.Profiling;

/// <summary>
/// Bounds of the profile's sketches; the defaults are what profile.json documents (docs/profile.md).
/// Every bound is per column and independent of the row count.
/// </summary>
public sealed record ProfileOptions
{
    /// <summary>Distinct values counted exactly (and kept for exact quantiles, histogram and top values).</summary>
    public int ExactDistinctLimit { get; init; } = 10_000;

    /// <summary>Values kept in each numeric column's reservoir sample for quantiles.</summary>
    public int SampleSize { get; init; } = 16_384;

    public int HistogramBins { get; init; } = 20;

    public int TopCategories { get; init; } = 20;

    /// <summary>Strings are compared, counted and reported by their first this many characters.</summary>
    public int MaxCategoryLength { get; init; } = 256;

    /// <summary>Seeds the reservoir samples (column i uses Seed + i), so a profile is reproducible.</summary>
    public ulong Seed { get; init; } = 20261122;
}
