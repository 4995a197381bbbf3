using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Tests.Training;
using MLOps.Core.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.IO;

public sealed class DamagedTrainingOutputTests
{
    [Theory]
    [InlineData(ModelTrainer.ModelFileName)]
    [InlineData(ModelTrainer.TestSetFileName)]
    public void Should_report_MLOPS2006_naming_the_file_When_the_evaluate_step_reads_a_truncated_train_output(string name)
    {
        // Given a trained model whose model.zip or test.idv was cut in half
        using var dir = new TempFolder();
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "iris.csv", TestModels.IrisCsv(300), TestModels.IrisSchema, TestModels.IrisSpec);
        new ModelTrainer().Train(spec, schema, dir.PathOf("out"));
        string path = dir.PathOf($"out/{name}");
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        // When the evaluate step reads them
        var bag = new DiagnosticBag();
        var metrics = ModelEvaluator.Evaluate(spec.Task, dir.PathOf("out/model.zip"), dir.PathOf("out/test.idv"), spec.Trainer.Seed, bag);

        // Then there are no metrics, and one MLOPS2006 names the damaged file
        Assert.Null(metrics);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(Codes.IntermediateFileDamaged, d.Code);
        Assert.Equal(path, d.File);
        Assert.Contains(path, d.Message, StringComparison.Ordinal);
    }
}
