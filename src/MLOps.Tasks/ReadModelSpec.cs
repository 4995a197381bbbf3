using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Tasks;

/// <summary>Reads the model spec and hands the targets what they need for incrementality: the model's name and its data and schema files.</summary>
public sealed class ReadModelSpec : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    /// <summary>MLOpsDataPath: train on this data instead of the spec's data.path (a retrain's window); empty: the spec's.</summary>
    public string DataPath { get; set; } = "";

    [Output]
    public string ModelName { get; private set; } = "";

    [Output]
    public string DataFile { get; private set; } = "";

    [Output]
    public string SchemaFile { get; private set; } = "";

    /// <summary>The separate test data (split.test-data); empty when the test rows come from the data.</summary>
    [Output]
    public string TestDataFile { get; private set; } = "";

    /// <summary>Where the model's files go in its package: <see cref="ModelFiles.PackageContentPath"/>.</summary>
    [Output]
    public string PackageContentPath { get; private set; } = "";

    /// <summary>The stage whose served version is the champion (the spec's champion.stage, default production).</summary>
    [Output]
    public string ChampionStage { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecLoader.Load(SpecFile, bag) is { } spec)
        {
            ModelName = spec.Name;
            DataFile = DataPath.Length > 0 ? Path.GetFullPath(DataPath) : spec.Data.Path;
            SchemaFile = spec.Data.SchemaPath;
            TestDataFile = spec.Split.TestData ?? "";
            PackageContentPath = ModelFiles.PackageContentPath(spec.Name);
            ChampionStage = spec.Champion?.Stage ?? ChampionSpec.DefaultStage;
        }
    }
}
