using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class SpecErrorTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log, rows: 200);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_fail_with_MLOPS0007_listing_the_valid_trainers_When_the_trainer_is_unknown()
    {
        // Given a spec naming a trainer the pipeline does not have
        _project.WriteSpec(new ModelSpecText("Demo", Trainer: "RandomForest").ToString());

        // When the model is built
        DotNetResult build = _project.Build();

        // Then the spec is rejected, naming the trainers a binary classifier can use
        Assert.False(build.Succeeded, build.ToString());
        string error = Assert.Single(build.Errors("MLOPS0007").Distinct());
        Assert.StartsWith($"{_project.SpecFile}(", error.TrimStart());
        Assert.Contains("'RandomForest'", error);
        Assert.Contains("LightGbm, FastTree, SdcaLogisticRegression", error);
    }

    [Fact]
    public void Should_fail_with_MLOPS0004_at_its_line_When_the_spec_has_an_unknown_key()
    {
        // Given a spec with a misspelt top-level key on its last line
        string[] lines = new ModelSpecText("Demo").ToString().TrimEnd('\n').Split('\n');
        _project.WriteSpec(string.Join('\n', [.. lines, "gaets: { auc: { min: 0.7 } }", ""]));
        int line = lines.Length + 1;

        // When the model is built
        DotNetResult build = _project.Build();

        // Then the key is reported at its line and column
        Assert.False(build.Succeeded, build.ToString());
        string error = Assert.Single(build.Errors("MLOPS0004").Distinct());
        Assert.StartsWith($"{_project.SpecFile}({line},1): error MLOPS0004:", error.TrimStart());
        Assert.Contains("'gaets'", error);
    }

    [Fact]
    public void Should_fail_with_MLOPS0002_at_the_brace_When_a_feature_line_leaves_a_brace_open()
    {
        // Given a spec whose Distance feature (line 15, '{' at column 5) lacks its closing '}'
        _project.WriteSpec(new ModelSpecText("Demo").ToString().Replace("source: distance }", "source: distance", StringComparison.Ordinal));

        // When the model is built
        DotNetResult build = _project.Build();

        // Then the spec is reported as invalid YAML at the brace, and no task crashed (MSB4018)
        Assert.False(build.Succeeded, build.ToString());
        string error = Assert.Single(build.Errors("MLOPS0002").Distinct());
        Assert.StartsWith($"{_project.SpecFile}(15,5): error MLOPS0002:", error.TrimStart());
        Assert.DoesNotContain("MSB4018", build.Output);
    }
}
