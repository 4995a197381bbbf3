using System.Reflection;
using MLOps.Core.IO;
using MLOps.Core.SourceControl;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Packaging;

/// <summary>Assembles a model's lineage from what the train, evaluate and gate steps wrote, plus the environment.</summary>
public static class LineageBuilder
{
    public static string MLOpsVersion { get; } =
        typeof(LineageBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public static Lineage Build(
        string modelId,
        string version,
        TrainingRecord training,
        IReadOnlyDictionary<string, double> metrics,
        IReadOnlyList<GateVerdict> gates,
        GitInfo git,
        string? sdkVersion,
        CiEnvironment? ci = null)
    {
        string dataPath = git.Root is { } root ? PortablePath.Relative(root, training.DataPath) : training.DataPath;
        return new Lineage(
            Lineage.CurrentSchemaVersion,
            modelId,
            version,
            training.Task,
            new DataLineage(dataPath, training.DataFingerprint, training.Rows, training.TrainRows, training.TestRows, training.SchemaSha256, training.DataFiles),
            new CodeLineage(git.Commit, git.Dirty, git.InputsNotInCommit),
            training.SpecSha256,
            new TrainerLineage(training.Trainer, training.Parameters, training.Seed, training.TestFraction, training.SplitSeed),
            new SortedDictionary<string, double>(metrics.ToDictionary(), StringComparer.Ordinal),
            gates,
            new ToolVersions(training.MLNetVersion, sdkVersion, System.Environment.Version.ToString(), MLOpsVersion),
            ModelFiles.ModelFile,
            training.ModelSha256,
            training.TrainedAtUtc)
        {
            Build = ci is null ? null : new BuildLineage(ci.Identity, ci.System, ci.RunUrl, ci.Branch),
            Sweep = training.Sweep,
            Retrain = training.Retrain,
            Split = training.Split is { TestData: { } test } split && git.Root is { } r
                ? split with { TestData = test with { Path = PortablePath.Relative(r, test.Path) } }
                : training.Split,
        };
    }
}
