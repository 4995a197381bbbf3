using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Versioning;

namespace MLOps.Tasks;

/// <summary>
/// The ML.NET packages the model package depends on (Microsoft.ML and the spec's trainer's package), for restore. Quiet
/// about a spec it cannot read: restore then adds Microsoft.ML alone, and the build reports the spec's errors.
/// </summary>
public sealed class ReadModelDependencies : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Output]
    public ITaskItem[] Packages { get; private set; } = [];

    protected override void Run(DiagnosticBag bag)
    {
        IReadOnlyList<string> packages = SpecLoader.Load(SpecFile, new DiagnosticBag()) is { } spec
            ? ModelDependencies.Packages(spec.Task, spec.Trainer.Name)
            : [ModelDependencies.MLNetPackage];
        Packages = [.. packages.Select(p => new TaskItem(p))];
    }
}
