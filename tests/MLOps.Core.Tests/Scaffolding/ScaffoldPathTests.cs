using MLOps.Core.Diagnostics;
using MLOps.Core.Scaffolding;
using MLOps.Core.Spec;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Scaffolding;

public sealed class ScaffoldPathTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_write_the_data_path_relative_to_the_spec_folder_When_the_data_is_given_absolute()
    {
        // Given data/churn.csv named by its absolute path, and the model in models/Churn
        string data = _temp.Write("data/churn.csv", ScaffoldData.Csv(100));

        // When a model is scaffolded
        ScaffoldedModel model = ScaffoldData.Create(new ScaffoldRequest(data, "churned", "Churn", _temp.PathOf("models/Churn")));

        // Then the spec names the data from its own folder, with '/', and the schema beside it
        Assert.Contains("data: { path: ../../data/churn.csv, schema: schema.json }\n", model.SpecText, StringComparison.Ordinal);
        Assert.Equal(_temp.PathOf("models/Churn/schema.json"), model.SchemaPath);
    }

    [Fact]
    public void Should_resolve_a_relative_data_path_against_the_invocation_folder_When_one_is_given()
    {
        // Given data/churn.csv typed relative to the folder dotnet new ran in (not the current folder)
        _temp.Write("data/churn.csv", ScaffoldData.Csv(100));
        var request = new ScaffoldRequest("data/churn.csv", "churned", "Churn", _temp.PathOf("models/Churn"), InvocationDirectory: _temp.Path);

        // When the model is scaffolded and written
        var bag = new DiagnosticBag();
        ScaffoldedModel? model = ModelScaffolder.Write(request, bag);

        // Then the spec finds the data from its own folder
        Assert.Empty(bag);
        Assert.Contains("data: { path: ../../data/churn.csv, schema: schema.json }\n", model!.SpecText, StringComparison.Ordinal);
        ModelSpec? spec = SpecLoader.Load(model.SpecPath, bag);
        Assert.Empty(bag);
        Assert.Equal(_temp.PathOf("data/churn.csv"), spec!.Data.Path);
    }

    [Fact]
    public void Should_name_a_data_folder_without_a_trailing_slash_When_the_data_is_a_folder_of_parts()
    {
        // Given a folder of two CSV parts, named with a trailing '/'
        string[] lines = ScaffoldData.Csv(100).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _temp.Write("data/parts/part-0000.csv", string.Join('\n', lines.Take(51)) + "\n");
        _temp.Write("data/parts/part-0001.csv", lines[0] + "\n" + string.Join('\n', lines.Skip(51)) + "\n");
        var request = new ScaffoldRequest("data/parts/", "churned", "Churn", _temp.PathOf("models/Churn"), InvocationDirectory: _temp.Path);

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then the spec names the folder
        Assert.Contains("data: { path: ../../data/parts, schema: schema.json }\n", model.SpecText, StringComparison.Ordinal);
    }
}
