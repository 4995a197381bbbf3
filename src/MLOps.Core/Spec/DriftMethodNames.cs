namespace MLOps.Core.Spec;

/// <summary>The drift methods a spec may name (the drift engine's table, docs/monitoring.md), and those judged on a p-value.</summary>
internal static class DriftMethodNames
{
    public static IReadOnlyList<string> All { get; } = ["ks", "chisquare", "wasserstein", "jensenshannon", "psi"];

    /// <summary>Methods whose threshold is a p-value (the column drifts below it), so it must be below 1.</summary>
    public static IReadOnlyList<string> PValue { get; } = ["ks", "chisquare"];
}
