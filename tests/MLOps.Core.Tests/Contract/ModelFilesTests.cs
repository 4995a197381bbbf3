using MLOps.Core.Tests.Spec;
using MLOps.ModelFormat.Contract;
using Xunit;

namespace MLOps.Core.Tests.Contract;

public sealed class ModelFilesTests
{
    [Fact]
    public void Should_lay_out_a_model_under_mlops_When_its_paths_are_asked_for()
    {
        Assert.Equal("contentFiles/any/any/mlops/FlightDelay/", ModelFiles.PackageContentPath("FlightDelay"));
        Assert.Equal("mlops/FlightDelay/", ModelFiles.OutputFolder("FlightDelay"));
    }

    [Fact]
    public void Should_name_the_contract_files_When_the_SDK_targets_pack_a_model()
    {
        // Given the SDK's targets, which cannot reference the C# constants
        string targets = File.ReadAllText(Path.Combine(SpecLoaderTests.RepoRoot(), "src", "MLOps.Tasks", "Sdk", "MLOps.Tasks.targets"));

        // Then they pack the files by the contract's names, and take the package folder from ReadModelSpec
        Assert.All(
            [ModelFiles.ModelFile, ModelFiles.LineageFile, ModelFiles.SchemaFile, ModelFiles.ProfileFile, ModelFiles.DriftReferenceFile],
            name => Assert.Contains(name, targets, StringComparison.Ordinal));
        Assert.DoesNotContain(ModelFiles.PackageContentRoot, targets, StringComparison.Ordinal);
        Assert.Contains("TaskParameter=\"PackageContentPath\"", targets, StringComparison.Ordinal);

        // as Content: the Web SDK drops None items matching **\*.json, a package's too (tests/MLOps.Service.Tests builds a web consumer)
        Assert.Contains("PackageCopyToOutput=\"true\" BuildAction=\"Content\"", targets, StringComparison.Ordinal);
        Assert.DoesNotContain("BuildAction=\"None\"", targets, StringComparison.Ordinal);
    }
}
