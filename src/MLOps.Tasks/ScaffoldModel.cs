using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Scaffolding;

namespace MLOps.Tasks;

/// <summary>
/// Starts a model from data: writes model.yaml and schema.json into <see cref="OutputDirectory"/> (never over existing
/// ones), the task inferred from <see cref="Label"/> unless <see cref="Task"/> names one. A relative
/// <see cref="DataPath"/> is relative to <see cref="InvocationDirectory"/> when given (the folder the user typed it in),
/// else to the current folder.
/// </summary>
public sealed class ScaffoldModel : MLOpsTask
{
    [Required]
    public string DataPath { get; set; } = "";

    [Required]
    public string Label { get; set; } = "";

    [Required]
    public string ModelName { get; set; } = "";

    [Required]
    public string OutputDirectory { get; set; } = "";

    public string? Task { get; set; }

    public string? InvocationDirectory { get; set; }

    [Output]
    public string SpecFile { get; private set; } = "";

    [Output]
    public string SchemaFile { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        var request = new ScaffoldRequest(DataPath, Label, ModelName, OutputDirectory, Task, InvocationDirectory);
        if (ModelScaffolder.Write(request, bag) is { } model)
        {
            (SpecFile, SchemaFile) = (model.SpecPath, model.SchemaPath);
            Progress($"{model.SpecPath}: {ModelName} scaffolded ({Core.Spec.SpecNames.Of(model.Task)}, {model.Features.Count} feature(s)) with its schema {model.SchemaPath}. Review both, set the gates, then dotnet build trains it.");
        }
    }
}
