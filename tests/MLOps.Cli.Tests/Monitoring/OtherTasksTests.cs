using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.IO;
using MLOps.Core.Packaging;
using MLOps.Core.SourceControl;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;
using MLOps.Runtime;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests.Monitoring;

/// <summary>Batch scoring and live performance of a multiclass and a regression model, end to end through the runtime.</summary>
public sealed class OtherTasksTests : IDisposable
{
    private readonly TempFolder _temp = new("mlops-predict-tasks");

    public void Dispose() => _temp.Dispose();

    public sealed class IrisInput
    {
        [ColumnName("petal_length")] public float PetalLength { get; set; }
        [ColumnName("petal_width")] public float PetalWidth { get; set; }
    }

    public sealed class IrisPrediction : IMulticlassPrediction<string>
    {
        [ColumnName("PredictedValue")] public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
        [NoColumn] public IReadOnlyList<string> Classes { get; set; } = [];
    }

    public sealed class HouseInput
    {
        [ColumnName("rooms")] public float Rooms { get; set; }
        [ColumnName("area")] public float Area { get; set; }
        [ColumnName("city")] public string City { get; set; } = "";
    }

    public sealed class HousePrediction
    {
        public float Score { get; set; }
    }

    [Fact]
    public void Should_write_a_score_per_class_and_measure_MLNETs_multiclass_metrics_When_the_model_is_multiclass()
    {
        // Given an Iris model, 300 new rows, their predictions logged by the runtime under ids i0..i299, and their labels
        (string spec, string folder) = Train("iris", TestModels.IrisCsv(600), TestModels.IrisSchema, TestModels.IrisSpec);
        string rows = _temp.Write("iris-new.csv", TestModels.IrisCsv(300, seed: 99));
        string[] lines = File.ReadAllLines(rows)[1..];
        string logs = _temp.PathOf("iris-logs");
        using (var service = ModelService<IrisInput, IrisPrediction>.Start(new ModelServiceOptions { ModelName = "Iris", Directory = folder, Log = new PredictionLogOptions { Directory = logs } }))
        {
            for (int i = 0; i < lines.Length; i++)
            {
                string[] f = lines[i].Split(',');
                service.Predict(new IrisInput { PetalLength = F(f[0]), PetalWidth = F(f[1]) }, $"i{i}");
            }
        }
        string labels = _temp.Write("iris-labels.csv", "request_id,species\n" + string.Concat(lines.Select((l, i) => $"i{i},{l.Split(',')[2]}\n")));

        // When the rows are scored in a batch, and the logs measured against the labels
        CliResult predict = Cli.Run("predict", "--model", folder, "--data", rows, "-o", _temp.PathOf("iris-predictions.csv"));
        CliResult monitor = Cli.Run("monitor", "performance", "--logs", logs, "--labels", labels, "--spec", spec, "--model", folder, "--json");

        // Then the batch names each class's score, in the model's class order, with the class of the highest
        Assert.True(predict.ExitCode == 0, predict.ToString());
        string[] predictions = File.ReadAllLines(_temp.PathOf("iris-predictions.csv"));
        using LoadedModel loaded = LoadedModel.Load(folder);
        IDataView scored = loaded.Transform(TableLoader.Load(loaded.Context, rows, Schema(folder), ["petal_length", "petal_width", "species"]));
        string[] classes = Classes(scored);
        Assert.Equal($"PredictedLabel,{string.Join(',', classes.Select(c => "Score." + c))}", predictions[0]);
        float[][] scores = [.. scored.GetColumn<float[]>("Score")];
        string[] first = predictions[1].Split(',');
        Assert.Equal(classes[Array.IndexOf(scores[0], scores[0].Max())], first[0]);
        Assert.Equal(scores[0], first[1..].Select(F));

        // And the live metrics are ML.NET's multiclass evaluator's on the same rows, with the label keyed in the model's order
        Assert.True(monitor.ExitCode == 0, monitor.ToString());
        var ml = new MLContext(seed: 1);
        IDataView keyed = ml.Transforms.Conversion.MapValueToKey("Label", "species", keyData: ml.Data.LoadFromEnumerable(classes.Select(c => new ClassRow { species = c })))
            .Fit(scored).Transform(scored);
        MulticlassClassificationMetrics expected = ml.MulticlassClassification.Evaluate(keyed, "Label", "Score", "PredictedLabel");
        Dictionary<string, double> live = Metrics(monitor.Output);
        Assert.Equal(expected.MacroAccuracy, live["macro_accuracy"], 12);
        Assert.Equal(expected.MicroAccuracy, live["micro_accuracy"], 12);
        Assert.Equal(expected.LogLoss, live["log_loss"], 9);
        Assert.Equal(300, JsonDocument.Parse(monitor.Output).RootElement.GetProperty("labelled").GetInt64());
    }

    [Fact]
    public void Should_write_the_score_and_measure_MLNETs_regression_metrics_When_the_model_is_a_regression()
    {
        // Given a Houses model, 200 new rows and their predictions logged by the runtime under ids h0..h199, with their prices
        (string spec, string folder) = Train("houses", TestModels.HousesCsv(500), TestModels.HousesSchema, TestModels.HousesSpec());
        string rows = _temp.Write("houses-new.csv", TestModels.HousesCsv(200, seed: 77));
        string[] lines = File.ReadAllLines(rows)[1..];
        string logs = _temp.PathOf("houses-logs");
        using (var service = ModelService<HouseInput, HousePrediction>.Start(new ModelServiceOptions { ModelName = "Houses", Directory = folder, Log = new PredictionLogOptions { Directory = logs } }))
        {
            for (int i = 0; i < lines.Length; i++)
            {
                string[] f = lines[i].Split(',');
                service.Predict(new HouseInput { Rooms = F(f[0]), Area = F(f[1]), City = f[2] }, $"h{i}");
            }
        }
        string labels = _temp.Write("houses-labels.jsonl", string.Concat(lines.Select((l, i) => $"{{\"request_id\":\"h{i}\",\"price\":{l.Split(',')[3]}}}\n")));

        // When the rows are scored in a batch, and the logs measured against the labels (JSON Lines)
        CliResult predict = Cli.Run("predict", "--model", folder, "--data", rows, "-o", _temp.PathOf("houses-predictions.csv"));
        CliResult monitor = Cli.Run("monitor", "performance", "--logs", logs, "--labels", labels, "--spec", spec, "--model", folder, "--json");

        // Then the batch holds the Score, and the live metrics are ML.NET's regression evaluator's on the same rows
        Assert.True(predict.ExitCode == 0, predict.ToString());
        using LoadedModel loaded = LoadedModel.Load(folder);
        IDataView scored = loaded.Transform(TableLoader.Load(loaded.Context, rows, Schema(folder), ["rooms", "area", "city", "price"]));
        string[] predictions = File.ReadAllLines(_temp.PathOf("houses-predictions.csv"));
        Assert.Equal("Score", predictions[0]);
        Assert.Equal(scored.GetColumn<float>("Score"), predictions[1..].Select(F));
        Assert.True(monitor.ExitCode == 0, monitor.ToString());
        RegressionMetrics expected = loaded.Context.Regression.Evaluate(scored, "price");
        Dictionary<string, double> live = Metrics(monitor.Output);
        Assert.Equal(expected.RootMeanSquaredError, live["rmse"], 6);
        Assert.Equal(expected.MeanAbsoluteError, live["mae"], 6);
        Assert.Equal(expected.RSquared, live["r_squared"], 12);
    }

    private sealed class ClassRow
    {
#pragma warning disable IDE1006, SA1300 // the column's name
        public string species { get; set; } = "";
#pragma warning restore IDE1006, SA1300
    }

    private (string Spec, string Folder) Train(string name, string csv, string schemaJson, string specYaml)
    {
        string dir = Directory.CreateDirectory(_temp.Combine(name)).FullName;
        string data = specYaml.Contains("iris.csv", StringComparison.Ordinal) ? "iris.csv" : "houses.csv";
        File.WriteAllText(Path.Combine(dir, data), csv);
        File.WriteAllText(Path.Combine(dir, "schema.json"), schemaJson);
        string specPath = Path.Combine(dir, "model.yaml");
        File.WriteAllText(specPath, specYaml);
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(specPath, bag) ?? throw new InvalidOperationException(string.Join("\n", bag));
        TableSchema schema = SchemaFile.Load(spec.Data.SchemaPath, bag)!;
        string train = Path.Combine(dir, "train");
        TrainingRecord record = new ModelTrainer().Train(spec, schema, train);
        var metrics = ModelEvaluator.Evaluate(spec.Task, Path.Combine(train, ModelFiles.ModelFile), Path.Combine(train, ModelTrainer.TestSetFileName), spec.Trainer.Seed);
        string folder = Directory.CreateDirectory(Path.Combine(dir, "mlops", spec.Name)).FullName;
        File.Copy(Path.Combine(train, ModelFiles.ModelFile), Path.Combine(folder, ModelFiles.ModelFile));
        File.Copy(spec.Data.SchemaPath, Path.Combine(folder, ModelFiles.SchemaFile));
        JsonFile.Write(Path.Combine(folder, ModelFiles.LineageFile), LineageBuilder.Build($"{spec.Name}.Model", "1.0.0", record, metrics, [], GitInfo.Unknown, null));
        return (specPath, folder);
    }

    private static TableSchema Schema(string folder) => SchemaFile.Load(Path.Combine(folder, ModelFiles.SchemaFile), new DiagnosticBag())!;

    private static string[] Classes(IDataView scored)
    {
        VBuffer<ReadOnlyMemory<char>> keys = default;
        scored.Schema["PredictedLabel"].GetKeyValues(ref keys);
        return [.. keys.DenseValues().Select(k => k.ToString())];
    }

    private static Dictionary<string, double> Metrics(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("live").GetDouble());

    private static float F(string text) => float.Parse(text, CultureInfo.InvariantCulture);
}
