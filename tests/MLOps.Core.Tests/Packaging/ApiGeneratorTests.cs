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

    [Fact]
    public void Should_offer_a_hot_swapping_service_When_the_typed_api_is_generated()
    {
        // Given the flights spec
        using var dir = new TempFolder();
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(10), TestModels.FlightsSchema, TestModels.FlightsSpec());

        // When its typed API is generated
        string code = ApiGenerator.Generate(spec, schema, ApiGenerator.Names.For(spec.Name, "Flights.Model"));

        // Then beside Load() it has Start(), a ModelService of the model's types named by the model
        Assert.Contains("public static global::MLOps.Runtime.ModelService<FlightsInput, FlightsPrediction> Start(global::MLOps.Runtime.IModelSource? source = null,", code, StringComparison.Ordinal);
        Assert.Contains("new global::MLOps.Runtime.ModelServiceOptions { ModelName = Name, Directory = directory, Source = source, PollInterval = pollInterval, Log = log }", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_make_the_property_nullable_and_read_null_as_missing_When_the_schema_makes_the_column_nullable()
    {
        // Given the houses spec over a schema where area (float) and city (categorical) are nullable and rooms is not
        using var dir = new TempFolder();
        string schemaJson = TestModels.HousesSchema
            .Replace("\"name\": \"area\", \"type\": \"float\",", "\"name\": \"area\", \"type\": \"float\", \"nullable\": true,", StringComparison.Ordinal)
            .Replace("\"name\": \"city\", \"type\": \"categorical\",", "\"name\": \"city\", \"type\": \"categorical\", \"nullable\": true,", StringComparison.Ordinal);
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "houses.csv", TestModels.HousesCsv(10), schemaJson, TestModels.HousesSpec());

        // When its typed API is generated
        string code = ApiGenerator.Generate(spec, schema, ApiGenerator.Names.For(spec.Name, "Houses.Model")).ReplaceLineEndings("\n");

        // Then the nullable columns are nullable (null read as training's missing value, as HousesTypes.HousesInput does),
        // and the non-nullable one keeps its plain type
        Assert.Contains("    [global::Microsoft.ML.Data.NoColumn]\n    public float? Area { get; set; }", code, StringComparison.Ordinal);
        Assert.Contains("    [global::Microsoft.ML.Data.ColumnName(\"area\")]\n", code, StringComparison.Ordinal);
        Assert.Contains("    public float __Area { get => Area ?? float.NaN; set => Area = value; }", code, StringComparison.Ordinal);
        Assert.Contains("    [global::Microsoft.ML.Data.ColumnName(\"city\")]\n    public string? City { get; set; }\n", code, StringComparison.Ordinal);
        Assert.Contains("    [global::Microsoft.ML.Data.ColumnName(\"rooms\")]\n    public float Rooms { get; set; }\n", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("boolean", "bool", "false")]
    [InlineData("datetime", "global::System.DateTime", "default")]
    [InlineData("integer", "float", "float.NaN")]
    public void Should_read_null_as_training_reads_an_empty_field_When_a_nullable_column_has_this_type(string schemaType, string clrType, string missing)
    {
        // Given a model reading one nullable column of the type
        using var dir = new TempFolder();
        string schemaJson = $$"""
            { "columns": [
              { "name": "x", "type": "{{schemaType}}", "nullable": true },
              { "name": "y", "type": "float" }
            ] }
            """;
        string feature = schemaType == "datetime" ? "{ name: X, source: x, derive: hour }" : "{ name: X, source: x }";
        string specYaml = $"name: T\ntask: regression\ndata: {{ path: t.csv, schema: schema.json }}\nlabel: {{ column: y }}\nfeatures:\n  - {feature}\n";
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "t.csv", "x,y\n", schemaJson, specYaml);

        // When its typed API is generated
        string code = ApiGenerator.Generate(spec, schema, ApiGenerator.Names.For(spec.Name, "T.Model"));

        // Then null becomes what training reads for an empty field of that type
        Assert.Contains($"    public {clrType}? X {{ get; set; }}", code, StringComparison.Ordinal);
        Assert.Contains($"    public {clrType} __X {{ get => X ?? {missing}; set => X = value; }}", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("origin", "Origin")]
    [InlineData("day_of_week", "DayOfWeek")]
    [InlineData("dep-time", "DepTime")]
    [InlineData("petalWidth", "PetalWidth")]
    [InlineData("2nd leg", "_2ndLeg")]
    public void Should_name_the_property_as_documented_When_a_column_name_is_given(string column, string property) =>
        Assert.Equal(property, ApiGenerator.Pascal(column));
}
