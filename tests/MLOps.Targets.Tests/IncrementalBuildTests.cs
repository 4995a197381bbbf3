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
    public void Should_run_every_step_then_skip_training_When_built_twice_with_nothing_changed()
    {
        // Given a new model project

        // When it is built
        DotNetResult first = _project.Build();

        // Then every step ran and left its output under obj/<Configuration>/net10.0/mlops/
        Assert.True(first.Succeeded, first.ToString());
        Assert.Contains("Demo: 3,000 rows valid against schema.json", first.Output);
        Assert.Contains("Demo: trained LightGbm on ", first.Output);
        Assert.Contains("Demo: quality gate passed (1 of 1 checks)", first.Output);
        string model = Path.Combine(_project.IntermediateDirectory, "model.zip");
        Assert.True(File.Exists(model));
        Assert.True(File.Exists(Path.Combine(_project.IntermediateDirectory, "metrics.json")));
        Assert.Contains("\"feature_importance\"", File.ReadAllText(Path.Combine(_project.IntermediateDirectory, "evaluation.json")), StringComparison.Ordinal);
        DateTime trainedAt = File.GetLastWriteTimeUtc(model);

        // When it is built again with nothing changed
        DotNetResult again = _project.Build();

        // Then no step runs again and the model file is left alone
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Demo: model up to date, training skipped", again.Output);
        Assert.DoesNotContain("Demo: trained", again.Output);
        Assert.DoesNotContain("rows valid against", again.Output);
        Assert.Equal(trainedAt, File.GetLastWriteTimeUtc(model));
    }

    [Fact]
    public void Should_run_no_step_When_built_after_a_pack_with_nothing_changed()
    {
        // Given a model project packed once (pack runs the steps before its build, as ./build.sh's publish does)
        Assert.True(_project.Pack().Succeeded);
        DateTime validatedAt = File.GetLastWriteTimeUtc(Path.Combine(_project.IntermediateDirectory, "validation.json"));

        // When it is built with nothing changed
        DotNetResult build = _project.Build();

        // Then no step runs again: IncrementalClean has not deleted the steps' outputs
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("rows valid against", build.Output);
        Assert.DoesNotContain("restored from run cache", build.Output);
        Assert.DoesNotContain("Demo: trained", build.Output);
        Assert.Contains("Demo: model up to date, training skipped", build.Output);
        Assert.Equal(validatedAt, File.GetLastWriteTimeUtc(Path.Combine(_project.IntermediateDirectory, "validation.json")));
        Assert.True(File.Exists(Path.Combine(_project.IntermediateDirectory, "evaluation.json")), "evaluation.json was cleaned away");
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
