using Microsoft.Build.Framework;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Spec;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;

namespace MLOps.Tasks;

/// <summary>
/// Checks the spec, the spec against the schema and the data against both. Writes the validation report
/// (per check: failing rows, fraction, first examples) to <see cref="ArtifactReportFile"/> whatever the outcome,
/// and to <see cref="ReportFile"/> (the incremental build's output) only when everything holds; logs a summary
/// table when any check failed.
/// </summary>
public sealed class ValidateData : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string ReportFile { get; set; } = "";

    /// <summary>Where the data profile goes (profile.json): the drift baseline, packed with the model.</summary>
    [Required]
    public string ProfileFile { get; set; } = "";

    /// <summary>A copy of the report for tools (artifacts/&lt;model&gt;/validation.json), written even when validation fails.</summary>
    public string ArtifactReportFile { get; set; } = "";

    /// <summary>training (default) or serving: a column declared for other environments is neither required nor checked.</summary>
    public string Environment { get; set; } = TableSchema.DefaultEnvironment;

    /// <summary>MLOpsDataPath: the data to validate and profile instead of the spec's data.path; empty: the spec's.</summary>
    public string DataPath { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (File.Exists(ReportFile))
        {
            File.Delete(ReportFile);
        }

        var (spec, report, profile) = ModelDataCheck.Run(SpecFile, bag, string.IsNullOrEmpty(Environment) ? TableSchema.DefaultEnvironment : Environment,
            DataPath.Length > 0 ? Path.GetFullPath(DataPath) : null);
        if (report is not null && ArtifactReportFile.Length > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ArtifactReportFile))!);
            JsonFile.Write(ArtifactReportFile, report);
        }
        if (report is { Checks.Count: > 0 })
        {
            Progress($"{spec!.Name}: {ValidationSummary.Format(report)}");
        }
        if (!bag.HasErrors)
        {
            JsonFile.Write(ProfileFile, profile);
            JsonFile.Write(ReportFile, report);
            Progress($"{spec!.Name}: {report!.RowsRead:N0} rows valid against {Path.GetFileName(spec.Data.SchemaPath)}");
        }
    }
}
