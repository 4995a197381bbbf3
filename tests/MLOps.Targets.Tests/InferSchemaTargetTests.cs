using System.Text.Json.Nodes;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class InferSchemaTargetTests(ITestOutputHelper log) : IDisposable
{
    private readonly ITestOutputHelper _log = log;
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_write_a_schema_beside_the_data_that_validates_it_When_MLOpsInferSchema_runs()
    {
        // Given a model project and its generated flights data (10 airports)
        string expected = Path.Combine(_project.Root, "data", "flights.schema.json");

        // When the target runs with the data path relative to the project folder
        DotNetResult run = InferSchema("-p:MLOpsInferData=../data/flights.csv");

        // Then <data name>.schema.json holds the flights columns: types, the date format and the 10 airports
        Assert.True(run.Succeeded, run.ToString());
        JsonArray columns = JsonNode.Parse(File.ReadAllText(expected))!["columns"]!.AsArray();
        Assert.Equal(
            ["date datetime", "delay integer", "distance integer", "origin categorical", "destination categorical"],
            columns.Select(c => $"{c!["name"]} {c["type"]}"));
        Assert.Equal("yyyy-MM-dd HH:mm", (string?)columns[0]!["format"]);
        Assert.Equal(10, columns[3]!["allowed"]!.AsArray().Count);
        Assert.All(columns, c => Assert.Null(c!["nullable"]));

        // And a second run refuses to replace it unless forced
        DotNetResult again = InferSchema("-p:MLOpsInferData=../data/flights.csv");
        Assert.False(again.Succeeded, again.ToString());
        Assert.Contains("already exists", Assert.Single(again.Errors("MLOPS0021").Distinct()));
        Assert.True(InferSchema("-p:MLOpsInferData=../data/flights.csv", "-p:MLOpsInferForce=true").Succeeded);
    }

    [Fact]
    public void Should_mark_the_label_training_only_When_MLOpsInferLabel_is_set()
    {
        // Given a model project and its flights data, whose label is delay
        string expected = Path.Combine(_project.Root, "data", "flights.schema.json");

        // When the target runs with MLOpsInferLabel=delay, then with a label the data does not have
        DotNetResult run = InferSchema("-p:MLOpsInferData=../data/flights.csv", "-p:MLOpsInferLabel=delay");
        DotNetResult missing = InferSchema("-p:MLOpsInferData=../data/flights.csv", "-p:MLOpsInferLabel=arrival", "-p:MLOpsInferForce=true");

        // Then delay alone is training-only, and an unknown label is MLOPS1070
        Assert.True(run.Succeeded, run.ToString());
        JsonArray columns = JsonNode.Parse(File.ReadAllText(expected))!["columns"]!.AsArray();
        Assert.Equal(["delay"], columns.Where(c => c!["environments"] is not null).Select(c => (string)c!["name"]!));
        Assert.Equal("training", (string?)columns.Single(c => (string?)c!["name"] == "delay")!["environments"]![0]);
        Assert.False(missing.Succeeded, missing.ToString());
        Assert.Contains("'arrival'", Assert.Single(missing.Errors("MLOPS1070").Distinct()));
    }

    [Fact]
    public void Should_fail_with_MLOPS0020_When_MLOpsInferData_is_not_set()
    {
        // Given a model project
        // When the target runs without naming the data
        DotNetResult run = InferSchema();

        // Then it fails with the property code and says how to set it
        Assert.False(run.Succeeded, run.ToString());
        Assert.Contains("-p:MLOpsInferData=", Assert.Single(run.Errors("MLOPS0020").Distinct()));
    }

    [Fact]
    public void Should_fail_with_MLOPS0019_When_MLOpsInferMaxCategories_is_not_a_whole_number()
    {
        // Given a model project
        // When the target runs with a category limit that is not a number
        DotNetResult run = InferSchema("-p:MLOpsInferData=../data/flights.csv", "-p:MLOpsInferMaxCategories=many");

        // Then it fails with the invalid-property code, naming the value and what is expected
        Assert.False(run.Succeeded, run.ToString());
        Assert.Contains("'many'", Assert.Single(run.Errors("MLOPS0019").Distinct()));
    }

    [Fact]
    public void Should_fail_with_MLOPS1003_When_the_data_file_does_not_exist()
    {
        // Given a model project
        // When the target runs on a data file that is not there
        DotNetResult run = InferSchema("-p:MLOpsInferData=../data/nope.csv", $"-p:MLOpsInferOutput={Path.Combine(_project.Root, "out.json")}");

        // Then the task reports the missing file and writes nothing
        Assert.False(run.Succeeded, run.ToString());
        Assert.NotEmpty(run.Errors("MLOPS1003"));
        Assert.False(File.Exists(Path.Combine(_project.Root, "out.json")));
    }

    private DotNetResult InferSchema(params string[] properties) =>
        DotNet.Run(_project.ProjectDirectory, ["msbuild", "-t:MLOpsInferSchema", "-nodeReuse:false", "-tl:off", "-v:m", .. properties], _log);
}
