using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using MLOps.ModelFormat;
using MLOps.ModelFormat.Contract;

namespace RuntimeBench;

/// <summary>
/// The FlightDelay model as models/FlightDelay/model.yaml makes it (date parts inside the model, distance with
/// missing values replaced by the mean, one-hot routes, LightGbm 31 leaves x 100 iterations), trained on the demo data
/// and written with the lineage.json the runtime verifies.
/// </summary>
internal static class BenchModel
{
    public static void Train(List<FlightRow> rows, string folder)
    {
        var ml = new MLContext(seed: 42);
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.CopyColumns(DateParts.InputColumn, "date")
            .Append(ml.Transforms.CustomMapping<DateParts.Input, DateParts.Output>(DateParts.Map, DateParts.ContractName))
            .Append(ml.Transforms.ReplaceMissingValues("distance_filled", "distance"))
            .Append(ml.Transforms.Categorical.OneHotEncoding([new("origin_hot", "origin"), new("destination_hot", "destination")]))
            .Append(ml.Transforms.Concatenate("Features", DateParts.Columns["hour"], DateParts.Columns["day-of-week"], DateParts.Columns["month"], "distance_filled", "origin_hot", "destination_hot"))
            .Append(ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfLeaves = 31, NumberOfIterations = 100, LearningRate = 0.1, MinimumExampleCountPerLeaf = 20, Seed = 42,
            }));
        ITransformer model = pipeline.Fit(data);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, ModelFiles.ModelFile);
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<FlightInput>()).Schema, path);
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        var lineage = new Lineage(Lineage.CurrentSchemaVersion, "FlightDelay.Model", "1.0.0", "binary-classification",
            new DataLineage("data/flights/flights.csv", "bench", rows.Count, rows.Count, 0, "bench"), new CodeLineage(null, null), "bench",
            new TrainerLineage("LightGbm", new Dictionary<string, double>(), 42, 0, 42), new Dictionary<string, double>(), [],
            new ToolVersions("5.0.1", null, Environment.Version.ToString(), "bench"), ModelFiles.ModelFile, sha, DateTimeOffset.UtcNow);
        File.WriteAllText(Path.Combine(folder, ModelFiles.LineageFile), JsonSerializer.Serialize(lineage));
    }
}
