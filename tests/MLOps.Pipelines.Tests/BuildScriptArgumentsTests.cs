using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Pipelines.Tests;

public sealed class BuildScriptArgumentsTests(ITestOutputHelper log)
{
    [Fact]
    public void Should_exit_2_with_MLOPS0033_before_any_work_When_an_argument_is_unknown()
    {
        // Given the repository's build script
        // When it is given an option it does not have
        DotNetResult result = Processes.Run(Repository.Root, "bash", ["./build.sh", "--target=Gate", "--no-such-option=1"], log);

        // Then it stops with a usage error that names the option and the known ones, having run no task
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MLOPS0033", result.Output, StringComparison.Ordinal);
        Assert.Contains("--no-such-option", result.Output, StringComparison.Ordinal);
        Assert.Contains("--stage", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Packages", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--target=DriftCheck", "MLOPS7037", "--current")]
    [InlineData("--target=Retrain --model=NoSuchModel", "MLOPS7043", "NoSuchModel")]
    public void Should_exit_2_before_any_work_When_DriftCheck_or_Retrain_lacks_what_it_checks(string arguments, string code, string names)
    {
        // Given the repository's build script
        // When DriftCheck has no data to check, or Retrain names no model
        DotNetResult result = Processes.Run(Repository.Root, "bash", ["./build.sh", .. arguments.Split(' ')], log);

        // Then it stops with a usage error naming what is missing, having run no task
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(code, result.Output, StringComparison.Ordinal);
        Assert.Contains(names, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Packages", result.Output, StringComparison.Ordinal);
    }
}
