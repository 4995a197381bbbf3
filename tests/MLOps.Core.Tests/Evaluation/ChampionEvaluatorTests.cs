using MLOps.Core.Gates;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Registry;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Core.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Evaluation;

public sealed class ChampionEvaluatorTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    private ModelSpec Spec => new(
        "M", TaskType.BinaryClassification, new DataSpec("d.csv", "s.json"), new LabelSpec("y", null, 1), [],
        new TrainerSpec("LightGbm", new Dictionary<string, double>(), 0), new SplitSpec(0.2, 0), [], _temp.PathOf("model.yaml"));

    [Theory]
    [InlineData("2.0.0")] // not in the feed
    [InlineData("latest")] // not a version
    public async Task Should_report_MLOPS3005_When_the_champion_version_cannot_be_fetched(string version)
    {
        // Given a feed holding only 1.0.0
        await ModelFeed.Open(_temp.Feed, _bag)!.PublishAsync(TestPackages.Model(_temp.Path, "M.Model", "1.0.0", 'a'), _bag);

        // When another version is asked for as the champion
        ChampionEvaluation? champion = ChampionEvaluator.Evaluate(Spec, "M.Model", _temp.Feed, version, _temp.PathOf("test.idv"), _bag);

        // Then nothing is evaluated and MLOPS3005 says what to check
        Assert.Null(champion);
        Assert.Equal("MLOPS3005", Assert.Single(_bag).Code);
    }

    [Fact]
    public async Task Should_report_MLOPS3006_When_the_champion_model_does_not_hash_to_its_lineage_model_sha256()
    {
        // Given a champion package whose lineage records another model's hash than the model.zip it holds
        await ModelFeed.Open(_temp.Feed, _bag)!.PublishAsync(TestPackages.Model(_temp.Path, "M.Model", "1.0.0", 'a'), _bag);

        // When it is evaluated
        ChampionEvaluation? champion = ChampionEvaluator.Evaluate(Spec, "M.Model", _temp.Feed, "1.0.0", _temp.PathOf("test.idv"), _bag);

        // Then it is refused, naming both hashes
        Assert.Null(champion);
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal("MLOPS3006", d.Code);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("not really a model"))), d.Message);
        Assert.Contains(TestPackages.Sha('a'), d.Message);
    }

    [Fact]
    public void Should_name_the_missing_column_instead_of_throwing_When_the_champion_s_input_schema_no_longer_fits_the_test_rows()
    {
        // Given a champion trained on flights, and test rows that have lost the origin column
        var (spec, schema) = ModelTrainerTests.Prepare(_temp, "flights.csv", TestModels.FlightsCsv(300), TestModels.FlightsSchema, TestModels.FlightsSpec());
        new ModelTrainer().Train(spec, schema, _temp.PathOf("out"));
        var ml = new MLContext(seed: 1);
        IDataView rows = ml.Transforms.DropColumns("origin").Fit(ml.Data.LoadFromBinary(_temp.PathOf("out/test.idv")))
            .Transform(ml.Data.LoadFromBinary(_temp.PathOf("out/test.idv")));

        // When the champion scores them
        (SortedDictionary<string, double>? metrics, string? problem) = ChampionEvaluator.Score(spec.Task, ml, File.ReadAllBytes(_temp.PathOf("out/model.zip")), rows);

        // Then there are no metrics, and the reason names the column
        Assert.Null(metrics);
        Assert.StartsWith("its input schema no longer fits the test rows: column 'origin'", problem);
    }

    [Fact]
    public void Should_score_like_the_candidate_s_own_evaluation_When_the_champion_is_the_same_model()
    {
        // Given a trained model and its test rows
        var (spec, schema) = ModelTrainerTests.Prepare(_temp, "flights.csv", TestModels.FlightsCsv(300), TestModels.FlightsSchema, TestModels.FlightsSpec());
        new ModelTrainer().Train(spec, schema, _temp.PathOf("out"));
        var ml = new MLContext(seed: spec.Trainer.Seed);

        // When it scores them as a champion
        (SortedDictionary<string, double>? metrics, string? problem) = ChampionEvaluator.Score(spec.Task, ml, File.ReadAllBytes(_temp.PathOf("out/model.zip")), ml.Data.LoadFromBinary(_temp.PathOf("out/test.idv")));

        // Then it reports exactly what the evaluate step reports for the candidate
        Assert.Null(problem);
        Assert.Equal(ModelEvaluator.Evaluate(spec.Task, _temp.PathOf("out/model.zip"), _temp.PathOf("out/test.idv"), spec.Trainer.Seed), metrics);
    }
}
