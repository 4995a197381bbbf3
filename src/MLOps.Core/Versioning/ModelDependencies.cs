using Microsoft.ML.Trainers;
using MLOps.Core.Spec;
using MLOps.Core.Training;

namespace MLOps.Core.Versioning;

/// <summary>
/// The ML.NET packages a model package depends on, at the version that trained it (docs/registry.md#versions):
/// Microsoft.ML always, and the trainer's own package when Microsoft.ML does not carry it. ML.NET names each trainer
/// package after the assembly that holds the trainer, so the trainer's options class says which one.
/// </summary>
public static class ModelDependencies
{
    public const string MLNetPackage = "Microsoft.ML";

    /// <summary>Microsoft.ML's own trainers (SDCA and the other linear ones) live in this assembly, inside the Microsoft.ML package.</summary>
    private static readonly System.Reflection.Assembly StandardTrainers = typeof(SdcaRegressionTrainer).Assembly;

    /// <summary>The packages for <paramref name="trainer"/> on <paramref name="task"/>: Microsoft.ML, then the trainer's package if any.</summary>
    public static IReadOnlyList<string> Packages(TaskType task, string trainer)
    {
        TrainerDescriptor? descriptor = TrainerCatalog.Find(task, trainer);
        System.Reflection.Assembly? assembly = descriptor?.GetType().GetGenericArguments().FirstOrDefault()?.Assembly;
        return assembly is null || assembly == StandardTrainers || assembly.GetName().Name is not { } name || name == MLNetPackage
            ? [MLNetPackage]
            : [MLNetPackage, name];
    }
}
