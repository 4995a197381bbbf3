using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
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

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecLoader.Load(SpecFile, bag) is not { } spec)
        {
            return;
        }

        var training = JsonFile.Read<TrainingRecord>(Path.Combine(TrainingDirectory, ModelTrainer.RecordFileName));
        var metrics = JsonFile.Read<SortedDictionary<string, double>>(Path.Combine(TrainingDirectory, "metrics.json"));
        var gates = JsonFile.Read<List<GateVerdict>>(Path.Combine(TrainingDirectory, "gate.json"));
        GitInfo git = GitInfo.Read(Path.GetDirectoryName(spec.SourcePath)!);
        Lineage lineage = LineageBuilder.Build(PackageId, Version, training, metrics, gates, git, SdkVersion);
        JsonFile.Write(LineageFile, lineage);
        var names = ApiGenerator.Names.For(spec.Name, RootNamespace);
        string profilePath = Path.Combine(TrainingDirectory, ModelFiles.ProfileFile);
        DataProfile? profile = File.Exists(profilePath) ? JsonFile.Read<DataProfile>(profilePath) : null;
        TextFile.WriteIfChanged(ModelCardFile, ModelCard.Render(spec, lineage, names.Model, names.Input, profile));
    }
}
