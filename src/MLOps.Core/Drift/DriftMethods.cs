using MLOps.Core.Drift.Columns;

using MLOps.Core.Drift.Methods;

namespace MLOps.Core.Drift;

/// <summary>
/// The drift methods, keyed by name: adding one is one class implementing IDriftMethod and one line here.
/// Every method is computed for every column it applies to; the chosen one (<see cref="Default"/> or the
/// column's option) decides.
/// </summary>
public static class DriftMethods
{
    public const string Ks = "ks";
    public const string ChiSquare = "chisquare";
    public const string Wasserstein = "wasserstein";
    public const string JensenShannon = "jensenshannon";
    public const string Psi = "psi";

    /// <summary>Reference rows up to which the default uses tests (p-values); above it, distances (Evidently's choice).</summary>
    public const long SmallReferenceRows = 1_000;

    /// <summary>Distinct values (both sides together) a numeric column needs for KS or Wasserstein by default; at or below it, it is compared as categories.</summary>
    public const int MinDistinctForNumericTest = 5;

    private static readonly IDriftMethod[] Table =
    [
        new KolmogorovSmirnov(),
        new Methods.ChiSquare(),
        new Methods.Wasserstein(),
        new Methods.JensenShannon(),
        new PopulationStability(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(m => m.Name)];

    public static bool IsKnown(string name) => Find(name) is not null;

    /// <summary>True for the tests, which decide on a p-value (drift when below the threshold).</summary>
    public static bool IsPValue(string name) => Find(name)?.IsPValue ?? false;

    public static bool AppliesTo(string name, DriftColumnKind kind) => Find(name)?.AppliesTo(kind) ?? false;

    public static double DefaultThreshold(string name) => Find(name)?.DefaultThreshold ?? double.NaN;

    /// <summary>
    /// Evidently's default: a reference of at most 1,000 rows is tested (ks for numbers with more than 5
    /// distinct values, else chi-square), a larger one measured (normed Wasserstein for numbers with more than
    /// 5 distinct values, else Jensen-Shannon).
    /// </summary>
    public static string Default(long referenceRows, DriftColumnKind kind, int distinctValues)
    {
        bool numeric = kind == DriftColumnKind.Numeric && distinctValues > MinDistinctForNumericTest;
        return referenceRows <= SmallReferenceRows ? numeric ? Ks : ChiSquare : numeric ? Wasserstein : JensenShannon;
    }

    internal static IReadOnlyList<IDriftMethod> All => Table;

    internal static IDriftMethod? Find(string name) => Array.Find(Table, m => string.Equals(m.Name, name, StringComparison.Ordinal));
}
