using System.IO.Compression;
using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>A temp model project whose spec sweeps a grid of 4 trials (2 at once) on the first 4,000 rows of data/flights.</summary>
internal static class SweepProject
{
    public const string Sweep = """
        sweep:
          metric: auc
          strategy: grid
          parallel: 2
          parameters:
            NumberOfLeaves: [4, 16]
            LearningRate: [0.05, 0.3]

        """;

    public static TempModelProject Create(ITestOutputHelper log)
    {
        var project = TempModelProject.Create(log, spec: new ModelSpecText("Demo", Gates: "auc: { min: 0.5 }"));
        File.WriteAllLines(project.DataFile, File.ReadLines(Repository.File("data/flights/flights.csv")).Take(4001));
        string spec = File.ReadAllText(project.SpecFile).Replace("  test-fraction: 0.2\n", "  test-fraction: 0.2\n  validation-fraction: 0.2\n", StringComparison.Ordinal);
        project.WriteSpec(spec + Sweep);
        return project;
    }

    public static string TrialDirectory(TempModelProject project, int trial) => Path.Combine(project.IntermediateDirectory, "sweep", $"trial-{trial:000}");

    public static double ValidationAuc(TempModelProject project, int trial) =>
        Read(Path.Combine(TrialDirectory(project, trial), "validation.metrics.json")).GetProperty("auc").GetDouble();

    public static string ModelSha(string trainingJson) => Read(trainingJson).GetProperty("model_sha256").GetString()!;

    public static JsonElement Winner(TempModelProject project) => Read(Path.Combine(project.IntermediateDirectory, "sweep", "winner.json"));

    /// <summary>lineage.json of the one package in the project's feed.</summary>
    public static JsonElement PackagedLineage(TempModelProject project)
    {
        string package = Assert.Single(project.FilesUnderRoot("*.nupkg"), p => p.StartsWith(project.FeedDirectory, StringComparison.Ordinal));
        using ZipArchive zip = ZipFile.OpenRead(package);
        ZipArchiveEntry entry = zip.Entries.First(e => e.Name == "lineage.json");
        using var reader = new StreamReader(entry.Open());
        return JsonDocument.Parse(reader.ReadToEnd()).RootElement.Clone();
    }

    public static IRunStore OpenStore(string connection)
    {
        var bag = new DiagnosticBag();
        IRunStore? store = RunStores.Open(connection, bag);
        Assert.True(store is not null, string.Join("\n", bag));
        return store!;
    }

    public static JsonElement Read(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
}
