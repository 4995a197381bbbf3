using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Gates;
using MLOps.Core.IO;
using MLOps.ModelFormat.Contract;
using MLOps.Core.Spec;

namespace MLOps.Tasks;

/// <summary>Applies the spec's gates to metrics.json; writes gate.json only when every gate passes, so a failed gate is re-checked (and fails) on every build.</summary>
public sealed class CheckQualityGate : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string MetricsFile { get; set; } = "";

    [Required]
    public string VerdictFile { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (File.Exists(VerdictFile))
        {
            File.Delete(VerdictFile);
        }

        if (SpecLoader.Load(SpecFile, bag) is not { } spec)
        {
            return;
        }

        if (IntermediateFile.Read<SortedDictionary<string, double>>(MetricsFile, bag) is not { } metrics)
        {
            return;
        }

        IReadOnlyList<GateVerdict> verdicts = QualityGate.Check(spec, metrics, bag);
        if (!bag.HasErrors)
        {
            JsonFile.Write(VerdictFile, verdicts);
            Progress($"{spec.Name}: quality gate passed ({verdicts.Count} of {verdicts.Count} checks)");
        }
    }
}
