using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Spec;
using MLOps.Core.Training;
using MLOps.ModelFormat;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Training;

public sealed class ModelTrainerTests
{
    [Fact]
    public void Should_train_and_evaluate_a_binary_model_When_the_data_has_a_signal()
    {
        // Given flights whose delay depends on the hour and the origin
        using var dir = new TempFolder();
        var (spec, schema) = Prepare(dir, "flights.csv", TestModels.FlightsCsv(3000), TestModels.FlightsSchema, TestModels.FlightsSpec());

        // When the model is trained and evaluated on its held-out rows
        TrainingRecord record = new ModelTrainer().Train(spec, schema, dir.PathOf("out"));
        var metrics = Evaluate(spec, dir);

        // Then the metrics are the binary set and show the signal was learned
        Assert.Equal(MetricCatalog.For(TaskType.BinaryClassification).Order(), metrics.Keys.Order());
        Assert.InRange(metrics["auc"], 0.7, 1.0);
        Assert.Equal(3000, record.Rows);
        Assert.Equal(record.Rows, record.TrainRows + record.TestRows);
        Assert.InRange(record.TestRows, 600, 900);
        Assert.Equal(Fingerprint.Sha256OfFile(dir.PathOf("out/model.zip")), record.ModelSha256);
    }

    [Fact]
    public void Should_give_each_hour_its_own_input_When_a_derived_part_is_one_hot_encoded()
    {
        // Given the same flights and spec twice, the second with the departure hour one-hot encoded
        using var numeric = new TempFolder();
        using var oneHot = new TempFolder();
        var (numericSpec, schema) = Prepare(numeric, "flights.csv", TestModels.FlightsCsv(2000), TestModels.FlightsSchema, TestModels.FlightsSpec());
        var (oneHotSpec, _) = Prepare(oneHot, "flights.csv", TestModels.FlightsCsv(2000), TestModels.FlightsSchema,
            TestModels.FlightsSpec().Replace("derive: hour }", "derive: hour, encode: one-hot }", StringComparison.Ordinal));

        // When both are trained
        new ModelTrainer().Train(numericSpec, schema, numeric.PathOf("out"));
        new ModelTrainer().Train(oneHotSpec, schema, oneHot.PathOf("out"));

        // Then the one-hot model reads 24 hour inputs where the numeric one reads 1, and still learns the signal
        Assert.Equal(FeaturesLength(numeric) + 23, FeaturesLength(oneHot));
        Assert.InRange(Evaluate(oneHotSpec, oneHot)["auc"], 0.7, 1.0);
    }

    private static int FeaturesLength(TempFolder dir)
    {
        var ml = new MLContext(seed: 1);
        ITransformer model = ModelLoader.Load(ml, dir.PathOf("out/model.zip"), out DataViewSchema input);
        return ((VectorDataViewType)model.GetOutputSchema(input)[ModelPipeline.FeaturesColumn].Type).Size;
    }

    [Fact]
    public void Should_report_multiclass_metrics_When_the_task_is_multiclass()
    {
        // Given three species separated by petal size
        using var dir = new TempFolder();
        var (spec, schema) = Prepare(dir, "iris.csv", TestModels.IrisCsv(600), TestModels.IrisSchema, TestModels.IrisSpec);

        // When trained and evaluated
        new ModelTrainer().Train(spec, schema, dir.PathOf("out"));
        var metrics = Evaluate(spec, dir);

        // Then the multiclass metrics are reported and the classes are told apart
        Assert.Equal(MetricCatalog.For(TaskType.MulticlassClassification).Order(), metrics.Keys.Order());
        Assert.InRange(metrics["macro_accuracy"], 0.8, 1.0);
    }

    [Theory]
    [InlineData("LightGbm", "{ NumberOfIterations: 50, MinimumExampleCountPerLeaf: 5 }")]
    [InlineData("FastTree", "{ NumberOfTrees: 50, MinimumExampleCountPerLeaf: 5 }")]
    [InlineData("Sdca", "{ MaximumNumberOfIterations: 50 }")]
    public void Should_report_regression_metrics_When_the_task_is_regression(string trainer, string parameters)
    {
        // Given house prices linear in area and rooms
        using var dir = new TempFolder();
        var (spec, schema) = Prepare(dir, "houses.csv", TestModels.HousesCsv(800), TestModels.HousesSchema, TestModels.HousesSpec(trainer, parameters));

        // When trained and evaluated
        new ModelTrainer().Train(spec, schema, dir.PathOf("out"));
        var metrics = Evaluate(spec, dir);

        // Then the regression metrics are reported and explain most of the variance
        Assert.Equal(MetricCatalog.For(TaskType.Regression).Order(), metrics.Keys.Order());
        Assert.InRange(metrics["r_squared"], 0.8, 1.0);
        Assert.True(metrics["rmse"] > 0);
    }

    [Theory]
    [InlineData("LightGbm", "NumberOfIterations: 20")]
    [InlineData("FastTree", "NumberOfTrees: 20")]
    [InlineData("SdcaLogisticRegression", "MaximumNumberOfIterations: 20")]
    public void Should_write_byte_identical_models_When_the_same_data_spec_and_seed_are_trained_twice(string trainer, string parameters)
    {
        // Given one spec and its data
        using var dir = new TempFolder();
        var (spec, schema) = Prepare(dir, "flights.csv", TestModels.FlightsCsv(2000), TestModels.FlightsSchema, TestModels.FlightsSpec(trainer, parameters));

        // When it is trained twice into two folders
        new ModelTrainer().Train(spec, schema, dir.PathOf("first"));
        new ModelTrainer().Train(spec, schema, dir.PathOf("second"));

        // Then the model files are the same bytes
        Assert.Equal(File.ReadAllBytes(dir.PathOf("first/model.zip")), File.ReadAllBytes(dir.PathOf("second/model.zip")));
    }

    [Fact]
    public void Should_record_the_injected_clock_When_training()
    {
        // Given a fixed clock
        using var dir = new TempFolder();
        var (spec, schema) = Prepare(dir, "flights.csv", TestModels.FlightsCsv(500), TestModels.FlightsSchema, TestModels.FlightsSpec());
        var now = new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.Zero);

        // When trained
        TrainingRecord record = new ModelTrainer(new FixedClock(now)).Train(spec, schema, dir.PathOf("out"));

        // Then the record carries that time, the spec's trainer settings and the data fingerprint
        Assert.Equal(now, record.TrainedAtUtc);
        Assert.Equal("LightGbm", record.Trainer);
        Assert.Equal(20, record.Parameters["NumberOfIterations"]);
        Assert.Equal(Fingerprint.OfFile(spec.Data.Path), record.DataFingerprint);
    }

    internal static (ModelSpec Spec, TableSchema Schema) Prepare(TempFolder dir, string dataName, string csv, string schemaJson, string specYaml)
    {
        dir.Write(dataName, csv);
        dir.Write("schema.json", schemaJson);
        string specPath = dir.Write("model.yaml", specYaml);
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(specPath, bag);
        TableSchema? schema = SchemaFile.Load(dir.PathOf("schema.json"), bag);
        Assert.Empty(bag);
        SpecSchemaCheck.Check(spec!, schema!, bag);
        Assert.Empty(bag);
        return (spec!, schema!);
    }

    private static SortedDictionary<string, double> Evaluate(ModelSpec spec, TempFolder dir) =>
        ModelEvaluator.Evaluate(spec.Task, dir.PathOf("out/model.zip"), dir.PathOf("out/test.idv"), spec.Trainer.Seed);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
