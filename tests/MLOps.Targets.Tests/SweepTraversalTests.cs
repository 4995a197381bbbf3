using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>build/Models.proj's Sweep target, as ./build.sh --target=Sweep runs it: only the models whose spec has a sweep section.</summary>
[Collection(TargetsCollection.Name)]
public sealed class SweepTraversalTests(ITestOutputHelper log)
{
    [Fact]
    public void Should_sweep_and_publish_only_the_model_with_a_sweep_section_When_every_model_is_swept()
    {
        // Given a repository with two models under models/: Swept with a sweep section, Plain without
        using TempModelProject repo = SweepProject.Create(log);
        string sweptSpec = File.ReadAllText(repo.SpecFile).Replace("name: Demo", "name: Swept", StringComparison.Ordinal).Replace("../data/", "../../data/", StringComparison.Ordinal);
        repo.AddModel("models/Plain", new ModelSpecText("Plain", Data: "../../data/flights.csv", Schema: "../../data/schema.json"));
        string swept = repo.AddModel("models/Swept", new ModelSpecText("Swept"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(swept)!, "model.yaml"), sweptSpec);
        Directory.CreateDirectory(Path.Combine(repo.Root, "build"));
        File.Copy(Repository.File("build/Models.proj"), Path.Combine(repo.Root, "build", "Models.proj"));

        // When the traversal's Sweep target runs, as the build script does
        DotNetResult sweep = repo.DotNetInRoot("msbuild", "build/Models.proj", "-restore", "-m", "-t:Sweep", "-p:Configuration=Release");

        // Then Swept's winner is published, and Plain is skipped with a message and neither trained nor published
        Assert.True(sweep.Succeeded, sweep.ToString());
        Assert.True(File.Exists(Path.Combine(repo.FeedDirectory, "swept.model", "1.0.0", "swept.model.1.0.0.nupkg")), sweep.ToString());
        Assert.Contains("Plain: no sweep section in its spec; nothing to sweep", sweep.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.FeedDirectory, "plain.model")));

        // And naming a model without a sweep section, or no model at all, stops with its code
        DotNetResult plain = repo.DotNetInRoot("msbuild", "build/Models.proj", "-t:Sweep", "-p:Configuration=Release", "-p:MLOpsSweepModel=Plain");
        DotNetResult none = repo.DotNetInRoot("msbuild", "build/Models.proj", "-t:Sweep", "-p:Configuration=Release", "-p:MLOpsSweepModel=Nope");
        Assert.Contains("error MLOPS8045", plain.Output, StringComparison.Ordinal);
        Assert.Contains("error MLOPS8049", none.Output, StringComparison.Ordinal);
    }
}
