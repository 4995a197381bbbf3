using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class QualityGateTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log, spec: new ModelSpecText("Demo", Gates: "auc: { min: 0.999 }"));

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_fail_the_build_with_MLOPS3001_naming_the_spec_When_a_gate_is_not_met()
    {
        // Given a model whose spec demands an AUC no model of this data reaches

        // When it is built, twice
        DotNetResult build = _project.Build();
        DotNetResult again = _project.Build();

        // Then both builds fail at the gate, reported at the gate's line in the spec
        Assert.False(build.Succeeded, build.ToString());
        string error = Assert.Single(build.Errors("MLOPS3001").Distinct());
        Assert.StartsWith($"{_project.SpecFile}(", error.TrimStart());
        Assert.Contains("Quality gate failed: auc = ", error);
        Assert.False(again.Succeeded, again.ToString());
        Assert.NotEmpty(again.Errors("MLOPS3001"));
        Assert.False(File.Exists(Path.Combine(_project.IntermediateDirectory, "gate.json")));
    }

    [Fact]
    public void Should_produce_no_package_When_packing_a_model_that_fails_its_gate()
    {
        // Given a model that fails its gate

        // When it is packed
        DotNetResult pack = _project.Pack();

        // Then pack fails at the gate and writes no package anywhere
        Assert.False(pack.Succeeded, pack.ToString());
        Assert.NotEmpty(pack.Errors("MLOPS3001"));
        Assert.Empty(_project.FilesUnderRoot("*.nupkg"));
    }
}
