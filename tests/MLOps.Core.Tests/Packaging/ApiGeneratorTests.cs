using MLOps.Core.Packaging;
using MLOps.Core.Tests.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Packaging;

public sealed class ApiGeneratorTests
{
    [Fact]
    public void Should_give_the_classes_and_the_probabilities_by_class_When_the_model_is_multiclass()
    {
        // Given the iris spec (label: the categorical species)
        using var dir = new TempFolder();
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "iris.csv", TestModels.IrisCsv(10), TestModels.IrisSchema, TestModels.IrisSpec);

        // When its typed API is generated
        string code = ApiGenerator.Generate(spec, schema, ApiGenerator.Names.For(spec.Name, "Iris.Model"));

        // Then the prediction names each score's class (as IrisTypes.IrisPrediction does) and the model lists its classes
        Assert.Contains("public sealed class IrisPrediction : global::MLOps.Runtime.IMulticlassPrediction<string>", code, StringComparison.Ordinal);
        Assert.Contains("    public string PredictedLabel { get; set; } = \"\";", code, StringComparison.Ordinal);
        Assert.Contains("    public float[] Score { get; set; } = [];", code, StringComparison.Ordinal);
        Assert.Contains("    [global::Microsoft.ML.Data.NoColumn]\n    public global::System.Collections.Generic.IReadOnlyList<string> Classes { get; set; } = [];", code.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::MLOps.Runtime.ClassProbability<string>> Probabilities =>", code, StringComparison.Ordinal);
        Assert.Contains("extension(global::MLOps.Runtime.ModelHost<IrisInput, IrisPrediction> model)", code, StringComparison.Ordinal);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string> Classes => model.GetClasses<string>();", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_name_classes_When_the_model_is_binary()
    {
        // Given the flights spec (binary)
        using var dir = new TempFolder();
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(10), TestModels.FlightsSchema, TestModels.FlightsSpec());

        // When its typed API is generated
        string code = ApiGenerator.Generate(spec, schema, ApiGenerator.Names.For(spec.Name, "Flights.Model"));

        // Then there is no class list: a binary prediction is PredictedLabel and Probability
        Assert.DoesNotContain("IMulticlassPrediction", code, StringComparison.Ordinal);
        Assert.DoesNotContain("extension(", code, StringComparison.Ordinal);
        Assert.Contains("public sealed class FlightsPrediction\n", code.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
