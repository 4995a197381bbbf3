using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Scaffolding;
using MLOps.Core.Spec;
using MLOps.Core.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Scaffolding;

public sealed class ScaffoldedSpecTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("churned", TaskType.BinaryClassification)]
    [InlineData("segment", TaskType.BinaryClassification)]
    [InlineData("plan", TaskType.MulticlassClassification)]
    [InlineData("contract", TaskType.MulticlassClassification)]
    [InlineData("monthly_charge", TaskType.Regression)]
    public void Should_load_with_the_spec_loader_without_diagnostics_When_a_scaffolded_model_is_written(string label, TaskType task)
    {
        // Given a model scaffolded and written for the label
        ScaffoldedModel? model = ModelScaffolder.Write(ScaffoldData.Request(_temp, label), _bag);
        Assert.Empty(_bag);

        // When its spec and schema are loaded and checked against each other as a build does
        ModelSpec? spec = SpecLoader.Load(model!.SpecPath, _bag);
        TableSchema? schema = SchemaFile.Load(model.SchemaPath, _bag);
        SpecSchemaCheck.Check(spec!, schema!, _bag);

        // Then nothing is reported, no gate is set, and the data validates against the schema
        Assert.Empty(_bag);
        Assert.Equal((task, "Churn", 42, 42), (spec!.Task, spec.Name, spec.Trainer.Seed, spec.Split.Seed));
        Assert.Empty(spec.Gates);
        DataValidator.Validate(spec.Data.Path, schema!, _bag);
        Assert.False(_bag.HasErrors, string.Join('\n', _bag));
    }

    [Fact]
    public void Should_mark_the_label_training_only_When_the_schema_is_written()
    {
        // Given a model scaffolded and written
        ScaffoldedModel? model = ModelScaffolder.Write(ScaffoldData.Request(_temp, "churned"), _bag);

        // When its schema is read back
        TableSchema? schema = SchemaFile.Load(model!.SchemaPath, _bag);

        // Then the label is required in training only, and the other columns everywhere
        Assert.Empty(_bag);
        Assert.Equal(["training"], schema!.Find("churned")!.Environments);
        Assert.All(schema.Columns.Where(c => c.Name != "churned"), c => Assert.Null(c.Environments));
        Assert.Contains("\"environments\": [\"training\"]", File.ReadAllText(model.SchemaPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_with_MLOPS0043_and_write_nothing_When_the_model_folder_already_has_a_spec()
    {
        // Given a model folder that already holds a model.yaml
        ScaffoldRequest request = ScaffoldData.Request(_temp, "churned");
        string existing = _temp.Write("models/Churn/model.yaml", "name: Mine\n");

        // When a model is scaffolded into it
        ScaffoldedModel? model = ModelScaffolder.Write(request, _bag);

        // Then it is refused, the spec is untouched and no schema was written
        Assert.Null(model);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal((Codes.ScaffoldFileExists, existing), (error.Code, error.File));
        Assert.Equal("name: Mine\n", File.ReadAllText(existing));
        Assert.False(File.Exists(request.SchemaPath));
    }

    [Fact]
    public void Should_train_and_learn_When_the_train_step_runs_on_a_scaffolded_binary_model()
    {
        // Given a scaffolded churn model (numbers, categories, a timestamp and free text as features)
        ScaffoldedModel? model = ModelScaffolder.Write(ScaffoldData.Request(_temp, "churned"), _bag);
        ModelSpec spec = SpecLoader.Load(model!.SpecPath, _bag)!;
        TableSchema schema = SchemaFile.Load(model.SchemaPath, _bag)!;
        Assert.Empty(_bag);

        // When it is trained as the TrainModel task trains it, and evaluated on its held-out rows
        TrainingRecord record = new ModelTrainer().Train(spec, schema, _temp.PathOf("out"));
        var metrics = ModelEvaluator.Evaluate(spec.Task, _temp.PathOf("out/model.zip"), _temp.PathOf("out/test.idv"), spec.Trainer.Seed);

        // Then it trained on the rows left after the split and learned churn from them
        Assert.Equal(600, record.Rows);
        Assert.Equal(MetricCatalog.For(TaskType.BinaryClassification).Order(), metrics.Keys.Order());
        Assert.InRange(metrics["auc"], 0.8, 1.0);
    }

    [Theory]
    [InlineData("plan", "micro_accuracy")]
    [InlineData("monthly_charge", "rmse")]
    public void Should_train_When_the_train_step_runs_on_a_scaffolded_multiclass_or_regression_model(string label, string metric)
    {
        // Given a scaffolded model for a categorical or a numeric label
        ScaffoldedModel? model = ModelScaffolder.Write(ScaffoldData.Request(_temp, label), _bag);
        ModelSpec spec = SpecLoader.Load(model!.SpecPath, _bag)!;
        TableSchema schema = SchemaFile.Load(model.SchemaPath, _bag)!;

        // When it is trained and evaluated
        new ModelTrainer().Train(spec, schema, _temp.PathOf("out"));
        var metrics = ModelEvaluator.Evaluate(spec.Task, _temp.PathOf("out/model.zip"), _temp.PathOf("out/test.idv"), spec.Trainer.Seed);

        // Then the task's metrics are reported
        Assert.Empty(_bag);
        Assert.True(double.IsFinite(metrics[metric]), $"{metric} = {metrics[metric]}");
    }
}
