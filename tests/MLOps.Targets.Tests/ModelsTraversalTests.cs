using System.Text.RegularExpressions;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>build/Models.proj: every model of a repository in one parallel MSBuild invocation, then mlops summary.</summary>
[Collection(TargetsCollection.Name)]
public sealed class ModelsTraversalTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _repo = TempModelProject.Create(log);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Should_publish_the_good_models_and_name_the_failed_one_When_one_model_fails_its_gate()
    {
        // Given a repository with three models under models/, the middle one with a gate it cannot pass
        _repo.AddModel("models/Alpha", new ModelSpecText("Alpha", Data: "../../data/flights.csv", Schema: "../../data/schema.json"));
        _repo.AddModel("models/Beta", new ModelSpecText("Beta", Data: "../../data/flights.csv", Schema: "../../data/schema.json", Gates: "auc: { min: 0.99 }"));
        _repo.AddModel("models/Gamma", new ModelSpecText("Gamma", Data: "../../data/flights.csv", Schema: "../../data/schema.json"));
        Directory.CreateDirectory(Path.Combine(_repo.Root, "build"));
        File.Copy(Repository.File("build/Models.proj"), Path.Combine(_repo.Root, "build", "Models.proj"));
        string runs = Path.Combine(_repo.ArtifactsDirectory, "runs");

        // When the traversal publishes them all in one invocation, as the build script does, and mlops summary reads the run
        DotNetResult build = _repo.DotNetInRoot("msbuild", "build/Models.proj", "-restore", "-m", "-t:Publish", "-p:Configuration=Release",
            $"-flp:errorsonly;logfile={Path.Combine(runs, "errors.log")}");
        Assert.True(DotNet.Run(_repo.Root, ["tool", "install", "MLOps.Cli", "--version", Repository.PackageVersion, "--tool-path", "tools"], log).Succeeded);
        DotNetResult summary = Processes.Run(_repo.Root, Path.Combine(_repo.Root, "tools", "mlops"), ["summary", runs], log);

        // Then the build failed, but only Beta: Alpha and Gamma were published
        Assert.False(build.Succeeded, build.ToString());
        Assert.Single(build.Errors("MLOPS3001").Distinct());
        Assert.True(File.Exists(Path.Combine(_repo.FeedDirectory, "alpha.model", "1.0.0", "alpha.model.1.0.0.nupkg")), build.ToString());
        Assert.True(File.Exists(Path.Combine(_repo.FeedDirectory, "gamma.model", "1.0.0", "gamma.model.1.0.0.nupkg")), build.ToString());

        // And the summary lists all three, Beta with its code, and exits 1 naming it
        Assert.Equal(1, summary.ExitCode);
        Assert.Contains(summary.Lines, l => Regex.IsMatch(l, @"^Alpha\.Model\s+1\.0\.0\s+published\s+auc="));
        Assert.Contains(summary.Lines, l => Regex.IsMatch(l, @"^Beta\.Model\s+-\s+FAILED\s+MLOPS3001$"));
        Assert.Contains(summary.Lines, l => Regex.IsMatch(l, @"^Gamma\.Model\s+1\.0\.0\s+published\s+auc="));
        Assert.Contains("1 of 3 models failed: Beta.Model", summary.Output);
    }
}
