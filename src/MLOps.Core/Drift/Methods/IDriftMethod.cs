using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift.Methods;

/// <summary>
/// A drift statistic, registered by name in <see cref="DriftMethods"/>. A test (ks, chisquare) decides on its
/// p-value: drift when below the threshold; a distance decides on its value: drift when at or above it.
/// </summary>
internal interface IDriftMethod
{
    string Name { get; }

    bool IsPValue { get; }

    double DefaultThreshold { get; }

    bool AppliesTo(DriftColumnKind kind);

    /// <summary>The statistic, or null when it cannot be computed for this column (chi-square on a grid).</summary>
    MethodResult? Compute(ComparedColumn column);
}

/// <summary>
/// A statistic, its p-value for a test, and the bound on the deciding value (statistic or p-value) against the raw
/// rows: 0 when exact, null when none is known. A test from a grid also bounds its statistic (<see cref="StatisticBound"/>).
/// </summary>
internal readonly record struct MethodResult(double Statistic, double? PValue, double? Bound, double? StatisticBound = null)
{
    public double Value => PValue ?? Statistic;
}
