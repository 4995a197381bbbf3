using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class ReproducibilityTests(ITestOutputHelper log)
{
    [Fact]
    public void Should_train_byte_identical_models_When_the_same_project_is_built_in_two_folders()
    {
        // Given the same spec and data in two different temp folders
        using var first = TempModelProject.Create(log);
        using var second = TempModelProject.Create(log);

        // When both are built
        DotNetResult firstBuild = first.Build();
        DotNetResult secondBuild = second.Build();

        // Then their model files are the same bytes
        Assert.True(firstBuild.Succeeded, firstBuild.ToString());
        Assert.True(secondBuild.Succeeded, secondBuild.ToString());
        Assert.NotEqual(first.Root, second.Root);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(first.IntermediateDirectory, "model.zip")),
            File.ReadAllBytes(Path.Combine(second.IntermediateDirectory, "model.zip")));
    }
}
