using MLOps.Core.Evaluation;
using MLOps.ModelFormat.Contract;
using MLOps.Core.Packaging;
using MLOps.Core.SourceControl;
using MLOps.Core.Spec;
using MLOps.Core.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Training;

public sealed class TextFeatureTrainingTests
{
    [Fact]
    public void Should_learn_from_the_words_When_a_text_feature_carries_the_signal()
    {
        // Given feedback whose comment alone tells delayed flights apart
        using var dir = new TempFolder();
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "feedback.csv", TextTestModels.FeedbackCsv(1500), TextTestModels.FeedbackSchema, TextTestModels.FeedbackSpec());

        // When the model is trained and evaluated on its held-out rows
        TrainingRecord record = new ModelTrainer().Train(spec, schema, dir.PathOf("out"));
        var metrics = ModelEvaluator.Evaluate(spec.Task, dir.PathOf("out/model.zip"), dir.PathOf("out/test.idv"), spec.Trainer.Seed);

        // Then the comment's words were learned: far above the 0.5 of a model that ignores them
        Assert.Equal(FeatureEncoding.Text, spec.Features.Single(f => f.Name == "Comment").Encoding);
        Assert.InRange(metrics["auc"], 0.75, 1.0);

        // And the model card says how the comment became features
        var lineage = LineageBuilder.Build("Feedback", "1.0.0", record, metrics, [], GitInfo.Unknown, sdkVersion: null);
        string card = ModelCard.Render(spec, lineage, "FeedbackModel", "FeedbackInput");
        Assert.Contains("Comment (text features of `comment`)", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LightGbm", "{ NumberOfIterations: 20 }")]
    [InlineData("FastTree", "{ NumberOfTrees: 20 }")]
    [InlineData("SdcaLogisticRegression", "{ MaximumNumberOfIterations: 20 }")]
    public void Should_write_byte_identical_models_When_a_text_feature_is_trained_twice_with_the_same_seed(string trainer, string parameters)
    {
        // Given one spec with a text feature and its data
        using var dir = new TempFolder();
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "feedback.csv", TextTestModels.FeedbackCsv(1000), TextTestModels.FeedbackSchema, TextTestModels.FeedbackSpec(trainer, parameters));

        // When it is trained twice into two folders
        new ModelTrainer().Train(spec, schema, dir.PathOf("first"));
        new ModelTrainer().Train(spec, schema, dir.PathOf("second"));

        // Then the model files, text dictionaries included, are the same bytes
        Assert.Equal(File.ReadAllBytes(dir.PathOf("first/model.zip")), File.ReadAllBytes(dir.PathOf("second/model.zip")));
    }
}
