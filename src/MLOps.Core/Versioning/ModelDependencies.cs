using MLOps.Core.Spec;

namespace MLOps.Core.Versioning;

/// <summary>
/// The ML.NET packages a model package depends on, at the version that trained it (docs/registry.md#versions):
/// Microsoft.ML always, and the trainer's own package when Microsoft.ML does not carry it. A table, not a look at
/// the trainer's assembly: restore asks on every build, and loading ML.NET for the answer cost a no-op build 70 ms
/// (a test checks the table against the assemblies).
/// </summary>
public static class ModelDependencies
{
    public const string MLNetPackage = "Microsoft.ML";

    // The trainers whose ML.NET package is not Microsoft.ML itself, by the name a spec uses (any task).
    private static readonly Dictionary<string, string> TrainerPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LightGbm"] = "Microsoft.ML.LightGbm",
        ["FastTree"] = "Microsoft.ML.FastTree",
    };

    /// <summary>The packages for <paramref name="trainer"/> on <paramref name="task"/>: Microsoft.ML, then the trainer's package if any.</summary>
    public static IReadOnlyList<string> Packages(TaskType task, string trainer) =>
        TrainerNames.Find(task, trainer) is { } known && TrainerPackages.TryGetValue(known.Name, out string? package)
            ? [MLNetPackage, package]
            : [MLNetPackage];
}
