using Microsoft.Build.Framework;
using MLOps.Core.Data;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;

namespace MLOps.Tasks;

/// <summary>Checks the spec, the spec against the schema and the data against both; writes the validation report only when everything holds.</summary>
public sealed class ValidateData : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string ReportFile { get; set; } = "";

    /// <summary>Where the data profile goes (profile.json): the drift baseline, packed with the model.</summary>
    [Required]
    public string ProfileFile { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (File.Exists(ReportFile))
        {
            File.Delete(ReportFile);
        }

        var (spec, report, profile) = ModelDataCheck.Run(SpecFile, bag);
        if (!bag.HasErrors)
        {
            JsonFile.Write(ProfileFile, profile);
            JsonFile.Write(ReportFile, report);
            Progress($"{spec!.Name}: {report!.RowsRead:N0} rows valid against {Path.GetFileName(spec.Data.SchemaPath)}");
        }
    }
}
