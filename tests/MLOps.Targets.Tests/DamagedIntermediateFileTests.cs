using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class DamagedIntermediateFileTests(ITestOutputHelper log)
{
    [Fact]
    public void Should_fail_with_MLOPS2006_naming_the_file_When_metrics_json_was_truncated_between_builds()
    {
        // Given a model built once, whose metrics.json was then cut short (a full disk, a killed build)
        using var project = TempModelProject.Create(log, rows: 2000);
        Assert.True(project.Build().Succeeded);
        string metrics = Path.Combine(project.IntermediateDirectory, "metrics.json");
        string text = File.ReadAllText(metrics);
        File.WriteAllText(metrics, text[..(text.Length / 2)]);

        // When it is built again (the gate step reads metrics.json)
        DotNetResult build = project.Build();

        // Then the build fails with MLOPS2006 naming the file and saying what to do, not with a task crash
        Assert.False(build.Succeeded);
        string error = Assert.Single(build.Errors("MLOPS2006").Distinct());
        Assert.Contains("metrics.json", error, StringComparison.Ordinal);
        Assert.Contains("obj/", error, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4018", build.Output, StringComparison.Ordinal);
    }
}
