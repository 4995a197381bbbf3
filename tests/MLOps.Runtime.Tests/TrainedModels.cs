using System.Text.Json;
using Microsoft.ML;
using MLOps.ModelFormat;
using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;

namespace MLOps.Runtime.Tests;

/// <summary>
/// Two real FlightDelay-like models, trained once per test run on different cuts of data/flights with the pipeline's
/// model format (the date mapping inside the model, one-hot routes, LightGbm), each in a folder with model.zip and the
/// lineage.json the pipeline writes: A is version 1.0.0, B 1.0.1. They answer differently on most rows, so a test can
/// tell which model gave an answer.
/// </summary>
public sealed class TrainedModels : IDisposable
{
    public const string Name = "FlightDelay";
    public const string PackageId = "FlightDelay.Model";

    private readonly TempFolder _root = new("mlops-runtime-models");

    public TrainedModels()
    {
        A = Train("a", FlightData.Read(0, 4000), "1.0.0", leaves: 8);
        B = Train("b", FlightData.Read(20000, 4000), "1.0.1", leaves: 16);
        Rows = [.. FlightData.Read(50000, 64).Select(r => r.Input)];
    }

    /// <summary>The folder of model A (1.0.0).</summary>
    public string A { get; }

    /// <summary>The folder of model B (1.0.1).</summary>
    public string B { get; }

    /// <summary>Rows neither model was trained on.</summary>
    public IReadOnlyList<FlightInput> Rows { get; }

    /// <summary>Copies a model's folder to <paramref name="target"/> (created), returning it.</summary>
    public static string CopyTo(string model, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(model))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return target;
    }

    public static Lineage LineageOf(string folder) =>
        JsonSerializer.Deserialize<Lineage>(File.ReadAllBytes(Path.Combine(folder, ModelFiles.LineageFile)))!;

    public void Dispose() => _root.Dispose();

    private string Train(string name, List<FlightRow> rows, string version, int leaves)
    {
        var ml = new MLContext(seed: 42);
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.CopyColumns(DateParts.InputColumn, "date")
            .Append(ml.Transforms.CustomMapping<DateParts.Input, DateParts.Output>(DateParts.Map, DateParts.ContractName))
            .Append(ml.Transforms.Categorical.OneHotEncoding([new("origin_hot", "origin"), new("destination_hot", "destination")]))
            .Append(ml.Transforms.Concatenate("Features", DateParts.Columns["hour"], DateParts.Columns["day-of-week"], DateParts.Columns["month"], "distance", "origin_hot", "destination_hot"))
            .Append(ml.BinaryClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer.Options
            {
                NumberOfLeaves = leaves,
                NumberOfIterations = 30,
                MinimumExampleCountPerLeaf = 10,
                Seed = 42,
                NumberOfThreads = 1,
            }));
        ITransformer model = pipeline.Fit(data);
        string folder = _root.Combine(name);
        Directory.CreateDirectory(folder);
        string modelPath = Path.Combine(folder, ModelFiles.ModelFile);
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<FlightInput>()).Schema, modelPath);
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(modelPath)));
        File.WriteAllText(Path.Combine(folder, ModelFiles.LineageFile), JsonSerializer.Serialize(LineageFor(version, sha, name)));
        return folder;
    }

    internal static Lineage LineageFor(string version, string sha, string name) => new(
        ModelFormat.Contract.Lineage.CurrentSchemaVersion, PackageId, version, "binary-classification",
        new DataLineage("data/flights/flights.csv", $"xxh128:data-{name}", 4000, 3200, 800, "schema"),
        new CodeLineage($"commit-{name}", false),
        "spec",
        new TrainerLineage("LightGbm", new Dictionary<string, double>(), 42, 0.2, 42),
        new Dictionary<string, double> { ["auc"] = 0.7 },
        [],
        new ToolVersions("5.0.1", null, Environment.Version.ToString(), "test"),
        ModelFiles.ModelFile,
        sha,
        DateTimeOffset.UnixEpoch);
}

[CollectionDefinition(Name)]
public sealed class TrainedModelsCollection : ICollectionFixture<TrainedModels>
{
    public const string Name = "trained models";
}
