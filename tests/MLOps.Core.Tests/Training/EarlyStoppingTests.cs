using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Spec;
using MLOps.Core.Training;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Training;

public sealed class EarlyStoppingTests
{
    private const string ValidationSplit = "  test-fraction: 0.2\n  validation-fraction: 0.2\n  seed: 3\n";

    [Fact]
    public void Should_stop_before_the_last_round_and_stay_reproducible_When_early_stopping_has_validation_rows()
    {
        // Given 300 boosting rounds at a high learning rate on noisy flights, with and without early stopping
        using var dir = new TempFolder();
        string csv = TestModels.FlightsCsv(2000);
        var (full, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", csv, TestModels.FlightsSchema,
            SplitSpecTests.WithSplit(ValidationSplit, TestModels.FlightsSpec(parameters: "{ NumberOfIterations: 300, LearningRate: 0.5 }")));
        var (early, _) = ModelTrainerTests.Prepare(dir, "flights.csv", csv, TestModels.FlightsSchema,
            SplitSpecTests.WithSplit(ValidationSplit, TestModels.FlightsSpec(parameters: "{ NumberOfIterations: 300, LearningRate: 0.5, EarlyStoppingRound: 5 }")));

        // When the full model is trained once and the early-stopping one twice
        new ModelTrainer().Train(full, schema, dir.PathOf("full"));
        new ModelTrainer().Train(early, schema, dir.PathOf("early1"));
        new ModelTrainer().Train(early, schema, dir.PathOf("early2"));

        // Then early stopping kept fewer trees (a smaller model), and trains the same bytes twice
        Assert.True(new FileInfo(dir.PathOf("early1/model.zip")).Length < new FileInfo(dir.PathOf("full/model.zip")).Length / 2,
            $"early {new FileInfo(dir.PathOf("early1/model.zip")).Length} bytes, full {new FileInfo(dir.PathOf("full/model.zip")).Length}");
        Assert.Equal(File.ReadAllBytes(dir.PathOf("early1/model.zip")), File.ReadAllBytes(dir.PathOf("early2/model.zip")));
    }

    [Fact]
    public void Should_report_MLOPS0055_on_the_parameter_line_When_early_stopping_has_no_validation_rows()
    {
        // Given early stopping with today's random split (no validation rows)
        using var dir = new TempFolder();
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        string path = dir.Write("model.yaml", TestModels.FlightsSpec(parameters: "NumberOfIterations: 50\n    EarlyStoppingRound: 5"));

        // When it is loaded
        var bag = new DiagnosticBag();
        Assert.Null(SpecLoader.Load(path, bag));

        // Then MLOPS0055 points at EarlyStoppingRound and says what to add
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(("MLOPS0055", 19), (d.Code, d.Line));
        Assert.Contains("split.validation-fraction", d.Message, StringComparison.Ordinal);
    }
}
