using Microsoft.Build.Framework;
using MLOps.Core.Data.Readers;
using MLOps.Core.Diagnostics;
using MLOps.Core.Gates;
using MLOps.Core.IO;
using MLOps.ModelFormat.Contract;
using MLOps.Core.Packaging;
using MLOps.Core.Data.Profiling;
using MLOps.Core.SourceControl;
using MLOps.Core.Spec;
using MLOps.Core.Training;

namespace MLOps.Tasks;

/// <summary>Writes what the package carries beside the model: lineage.json and the model card (README.md).</summary>
public sealed class WritePackageFiles : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string TrainingDirectory { get; set; } = "";

    [Required]
    public string PackageId { get; set; } = "";

    [Required]
    public string Version { get; set; } = "";

    [Required]
    public string RootNamespace { get; set; } = "";

    [Required]
    public string LineageFile { get; set; } = "";

    [Required]
    public string ModelCardFile { get; set; } = "";

    public string? SdkVersion { get; set; }

    /// <summary>The version decision ResolveModelVersion wrote (lineage's version_decision); none with no file.</summary>
    public string? VersionDecisionFile { get; set; }

    /// <summary>MLOpsDataPath: the data trained on instead of the spec's data.path; git is asked about it, not the spec's.</summary>
    public string DataPath { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecLoader.Load(SpecFile, bag) is not { } spec)
        {
            return;
        }

        // Every damaged file is reported, not just the first.
        var training = IntermediateFile.Read<TrainingRecord>(Path.Combine(TrainingDirectory, ModelTrainer.RecordFileName), bag);
        var metrics = IntermediateFile.Read<SortedDictionary<string, double>>(Path.Combine(TrainingDirectory, "metrics.json"), bag);
        var gates = IntermediateFile.Read<List<GateVerdict>>(Path.Combine(TrainingDirectory, "gate.json"), bag);
        string profilePath = Path.Combine(TrainingDirectory, ModelFiles.ProfileFile);
        DataProfile? profile = File.Exists(profilePath) ? IntermediateFile.Read<DataProfile>(profilePath, bag) : null;
        VersionDecision? decision = string.IsNullOrEmpty(VersionDecisionFile) ? null : IntermediateFile.Read<VersionDecision>(VersionDecisionFile, bag);
        if (training is null || metrics is null || gates is null || bag.HasErrors)
        {
            return;
        }

        // The commit reproduces the model only if it holds the spec, the schema and every data file as they are.
        string[] inputs = [spec.SourcePath, spec.Data.SchemaPath, .. DataParts(DataPath.Length > 0 ? Path.GetFullPath(DataPath) : spec.Data.Path)];
        GitInfo git = GitInfo.Read(Path.GetDirectoryName(spec.SourcePath)!, inputs);
        Lineage lineage = LineageBuilder.Build(PackageId, Version, training, metrics, gates, git, SdkVersion,
            CiEnvironment.Current(Path.GetDirectoryName(spec.SourcePath)!)) with { VersionDecision = decision };
        // The gate step's champion comparison and override, when it recorded them.
        lineage = GateRecords.Attach(lineage, TrainingDirectory, bag);
        JsonFile.Write(LineageFile, lineage);
        var names = ApiGenerator.Names.For(spec.Name, RootNamespace);
        TextFile.WriteIfChanged(ModelCardFile, ModelCard.Render(spec, lineage, names.Model, names.Input, profile));
    }

    // A folder that cannot be listed counts as one input, which git then reports as not in the commit: lineage errs
    // towards "dirty", never towards a commit that lacks the data.
    private static IReadOnlyList<string> DataParts(string path)
    {
        try
        {
            return DataFiles.Of(path).Files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [path];
        }
    }
}
