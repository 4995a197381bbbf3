using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class TrainerTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("LightGbm", "{ NumberOfLeaves: 4, NumberOfIterations: 5 }")]
    [InlineData("FastTree", "{ NumberOfLeaves: 4, NumberOfTrees: 5 }")]
    [InlineData("SdcaLogisticRegression", "{ MaximumNumberOfIterations: 3 }")]
    public void Should_train_and_pass_the_gate_When_the_spec_selects_a_trainer(string trainer, string parameters)
    {
        // Given a spec selecting the trainer, with a tiny iteration count
        using var project = TempModelProject.Create(log, spec: new ModelSpecText("Demo", trainer, parameters, Gates: "auc: { min: 0.55 }"));

        // When it is built
        DotNetResult build = project.Build();

        // Then that trainer made the model, which passed the gate
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains($"Demo: trained {trainer} on ", build.Output);
        Assert.Contains("Demo: quality gate passed", build.Output);
        Assert.True(File.Exists(Path.Combine(project.IntermediateDirectory, "model.zip")));
    }
}
