using System.Text.Json.Nodes;
using MLOps.Core.IO;
using MLOps.Core.Packaging;
using MLOps.Core.Tests.Training;
using MLOps.Core.Versioning;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Versioning;

public sealed class ModelContractTests
{
    public static TheoryData<string> Models => ["flights", "iris", "houses"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_name_exactly_the_members_of_the_typed_api_When_made_from_a_spec(string model)
    {
        // Given a spec and schema of each task (houses with a nullable column)
        using var dir = new TempFolder();
        var (spec, schema) = model switch
        {
            "flights" => ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(10), TestModels.FlightsSchema, TestModels.FlightsSpec()),
            "iris" => ModelTrainerTests.Prepare(dir, "iris.csv", TestModels.IrisCsv(10), TestModels.IrisSchema, TestModels.IrisSpec),
            _ => ModelTrainerTests.Prepare(dir, "houses.csv", TestModels.HousesCsv(10),
                TestModels.HousesSchema.Replace("\"name\": \"area\", \"type\": \"float\",", "\"name\": \"area\", \"type\": \"float\", \"nullable\": true,", StringComparison.Ordinal),
                TestModels.HousesSpec()),
        };

        // When its contract is made and its typed API generated
        ModelContract contract = ModelContract.From(spec, schema);
        string code = ApiGenerator.Generate(spec, schema, ApiGenerator.Names.For(spec.Name, "Any"));

        // Then every input and output is a public property of that type in the generated classes (a nullable column's with ?)
        Assert.NotEmpty(contract.Inputs);
        Assert.Contains($"public sealed class {contract.InputClass}", code, StringComparison.Ordinal);
        Assert.Contains($"public sealed class {contract.PredictionClass}", code, StringComparison.Ordinal);
        foreach (ContractInput input in contract.Inputs)
        {
            string nullable = input.Required ? "" : "?";
            Assert.Contains($"    public {input.Type}{nullable} {input.Name} {{ get; set; }}", code, StringComparison.Ordinal);
        }

        foreach (ContractOutput output in contract.Outputs)
            Assert.Matches($@"    public {System.Text.RegularExpressions.Regex.Escape(output.Type)} {output.Name} (\{{ get; set; \}}|=>)", code);
        Assert.Equal(code.Split('\n').Count(l => l.StartsWith("    public ", StringComparison.Ordinal) && !l.Contains("__", StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal) && !l.Contains(" const ", StringComparison.Ordinal)),
            contract.Inputs.Count + contract.Outputs.Count);
    }

    [Fact]
    public void Should_write_pinned_snake_case_names_When_serialized()
    {
        // Given a contract
        ModelContract contract = ContractDiffTests.Flights;

        // When it is written as contract.json
        JsonObject json = JsonNode.Parse(JsonFile.Serialize(contract))!.AsObject();

        // Then its names are the documented ones (docs/registry.md#versions)
        Assert.Equal(["schema_version", "task", "input_class", "prediction_class", "inputs", "outputs"], json.Select(p => p.Key));
        Assert.Equal(["name", "column", "type", "required"], json["inputs"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["name", "type"], json["outputs"]![0]!.AsObject().Select(p => p.Key));
    }
}
