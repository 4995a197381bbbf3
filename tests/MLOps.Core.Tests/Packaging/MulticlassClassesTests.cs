using MLOps.Core.Tests.Training;
using MLOps.Runtime;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Packaging;

public sealed class MulticlassClassesTests
{
    [Fact]
    public void Should_name_each_probability_with_its_class_When_a_multiclass_model_predicts()
    {
        // Given a multiclass model trained on three species
        using var dir = new TempFolder();
        string csv = TestModels.IrisCsv(600);
        var model = HostedModel.Train<IrisInput, IrisPrediction>(dir, "iris.csv", csv, TestModels.IrisSchema, TestModels.IrisSpec);
        string[] speciesInDataOrder = [.. csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[2]).Distinct()];

        // When rows typical of each species are scored
        IrisPrediction[] predictions = [.. new[] { (1.5f, 0.25f), (4.3f, 1.3f), (5.6f, 2.0f) }
            .Select(r => model.Predict(new IrisInput { PetalLength = r.Item1, PetalWidth = r.Item2 }))];

        // Then the model's classes are exactly the data's, in the order the model keeps (first seen in the data)
        Assert.Equal(speciesInDataOrder, model.GetClasses<string>());
        Assert.Equal(["setosa", "versicolor", "virginica"], speciesInDataOrder.Order());
        foreach (IrisPrediction p in predictions)
        {
            // and every prediction pairs each class with its score, the most probable class being the predicted one
            Assert.Equal(model.GetClasses<string>(), p.Probabilities.Select(c => c.Label));
            Assert.Equal(p.Score, p.Probabilities.Select(c => c.Probability));
            Assert.Equal(p.PredictedLabel, p.Probabilities.MaxBy(c => c.Probability).Label);
            Assert.InRange(p.Probabilities.Sum(c => c.Probability), 0.99f, 1.01f);
        }

        Assert.Equal(["setosa", "versicolor", "virginica"], predictions.Select(p => p.PredictedLabel));
    }

    [Fact]
    public void Should_give_the_classes_as_numbers_When_the_label_column_is_an_integer()
    {
        // Given the iris data with the species coded as integers 30, 10, 20 and a schema saying so
        using var dir = new TempFolder();
        string csv = TestModels.IrisCsv(600).Replace("virginica", "20", StringComparison.Ordinal)
            .Replace("versicolor", "10", StringComparison.Ordinal).Replace("setosa", "30", StringComparison.Ordinal);
        string schema = TestModels.IrisSchema.Replace(
            "\"type\": \"categorical\", \"allowed\": [\"setosa\", \"versicolor\", \"virginica\"]", "\"type\": \"integer\", \"min\": 0, \"max\": 100", StringComparison.Ordinal);
        float[] codesInDataOrder = [.. csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => float.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).Distinct()];

        // When it is trained and a row is scored with the typed API of a float label
        var model = HostedModel.Train<IrisInput, CodedIrisPrediction>(dir, "iris.csv", csv, schema, TestModels.IrisSpec);
        CodedIrisPrediction p = model.Predict(new IrisInput { PetalLength = 1.5f, PetalWidth = 0.25f });

        // Then the classes are the codes in the data, and the most probable one is the predicted one
        Assert.Equal(codesInDataOrder, model.GetClasses<float>());
        Assert.Equal(30f, p.PredictedLabel);
        Assert.Equal(p.PredictedLabel, p.Probabilities.MaxBy(c => c.Probability).Label);
    }

    [Fact]
    public void Should_refuse_to_load_with_MLOPS6004_When_a_multiclass_prediction_type_meets_a_model_without_classes()
    {
        // Given a binary model's spec and data
        using var dir = new TempFolder();

        // When it is trained and loaded with a multiclass prediction type
        var error = Assert.Throws<ModelLoadException>(() =>
            HostedModel.Train<FlightsInput, NotMulticlassPrediction>(dir, "flights.csv", TestModels.FlightsCsv(500), TestModels.FlightsSchema, TestModels.FlightsSpec()));

        // Then loading stops with the code that says the classes do not match
        Assert.Equal(RuntimeCodes.ClassesMismatch, error.Code);
    }
}
