using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class IncrementalBuildTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_validate_train_evaluate_and_gate_When_building_for_the_first_time()
    {
        // Given a new model project

        // When it is built
        DotNetResult build = _project.Build();

        // Then every step ran and left its output under obj/<Configuration>/net10.0/mlops/
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains($"Demo: validating {_project.DataFile}", build.Output);
        Assert.Contains("Demo: 3,000 rows valid against schema.json", build.Output);
        Assert.Contains("Demo: trained LightGbm on ", build.Output);
        Assert.Contains("Demo: quality gate passed (1 of 1 checks)", build.Output);
        Assert.True(File.Exists(Path.Combine(_project.IntermediateDirectory, "model.zip")));
        Assert.True(File.Exists(Path.Combine(_project.IntermediateDirectory, "metrics.json")));
    }

    [Fact]
    public void Should_skip_training_When_building_again_with_nothing_changed()
    {
        // Given a model project built once
        Assert.True(_project.Build().Succeeded);
        string model = Path.Combine(_project.IntermediateDirectory, "model.zip");
        DateTime trainedAt = File.GetLastWriteTimeUtc(model);

        // When it is built again
        DotNetResult again = _project.Build();

        // Then no step runs again and the model file is left alone
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Demo: model up to date, training skipped", again.Output);
        Assert.DoesNotContain("Demo: trained", again.Output);
        Assert.DoesNotContain("Demo: validating", again.Output);
        Assert.Equal(trainedAt, File.GetLastWriteTimeUtc(model));
    }

    [Fact]
    public void Should_validate_and_retrain_When_rows_are_appended_to_the_data()
    {
        // Given a model project built once
        Assert.True(_project.Build().Succeeded);
        string before = BuildOutput.Sha256(Path.Combine(_project.IntermediateDirectory, "model.zip"));

        // When the spec's data file gets more rows and the project is built again
        _project.AppendRows(FlightData.Rows(300, seed: 2));
        DotNetResult rebuild = _project.Build();

        // Then the data is validated again and a new model is trained on it
        Assert.True(rebuild.Succeeded, rebuild.ToString());
        Assert.Contains("Demo: 3,300 rows valid against schema.json", rebuild.Output);
        Assert.Contains("Demo: trained LightGbm on ", rebuild.Output);
        Assert.DoesNotContain("training skipped", rebuild.Output);
        Assert.NotEqual(before, BuildOutput.Sha256(Path.Combine(_project.IntermediateDirectory, "model.zip")));
    }
}
