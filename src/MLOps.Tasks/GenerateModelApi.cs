using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Packaging;
using MLOps.Core.Spec;

namespace MLOps.Tasks;

/// <summary>Writes the model's typed C# API (input, prediction, loader) for the project to compile.</summary>
public sealed class GenerateModelApi : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string RootNamespace { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecInputs.Load(SpecFile, bag) is var (spec, schema))
        {
            TextFile.WriteIfChanged(OutputFile, ApiGenerator.Generate(spec, schema, ApiGenerator.Names.For(spec.Name, RootNamespace)));
        }
    }
}
