using MLOps.Tests.Infrastructure;
using MLOps.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>The MLOpsRelease target (what ./build.sh --target=Release runs for every model) against a GitHub API stand-in.</summary>
[Collection(TargetsCollection.Name)]
public sealed class ReleaseTargetTests(ITestOutputHelper log) : IDisposable
{
    private const string Token = "ghp_release_target_token";
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_copy_the_exact_package_to_production_and_make_its_GitHub_release_When_release_yaml_declares_it()
    {
        // Given 1.0.0 published to dev, production declaring it, and stages.yaml naming a GitHub repository
        using var github = new GitHubApiStandIn("acme/models", Token);
        File.WriteAllText(Path.Combine(_project.Root, "stages.yaml"), $"""
            stages:
              - name: dev
                feed: artifacts/feed
              - name: production
                feed: artifacts/stages/production
            github:
              repository: acme/models
              api-url: {github.BaseUrl}
              token-env: MLOPS_TEST_GITHUB_TOKEN
            """);
        Assert.True(_project.Publish().Succeeded);
        File.WriteAllText(Path.Combine(_project.ProjectDirectory, "release.yaml"), """
            package: Demo.Model
            stages:
              production: 1.0.0
            history:
              - { action: promote, stage: production, version: 1.0.0, at: 2026-12-01T10:00:00Z, by: "Ada", reason: "first" }
            """);

        // When the release target runs with the token in the environment
        DotNetResult release = _project.DotNetWith(new Dictionary<string, string> { ["MLOPS_TEST_GITHUB_TOKEN"] = Token },
            "msbuild", "-t:MLOpsRelease", "-v:n");

        // Then production holds dev's exact bytes, and GitHub got the tagged release with the model card and that package
        Assert.True(release.Succeeded, release.ToString());
        string dev = Path.Combine(_project.FeedDirectory, "demo.model", "1.0.0", "demo.model.1.0.0.nupkg");
        string production = Path.Combine(_project.ArtifactsDirectory, "stages", "production", "demo.model", "1.0.0", "demo.model.1.0.0.nupkg");
        Assert.Equal(File.ReadAllBytes(dev), File.ReadAllBytes(production));
        Assert.Equal(["GET /api/v3/repos/acme/models/releases/tags/Demo-v1.0.0", "POST /api/v3/repos/acme/models/releases",
            "POST /api/uploads/repos/acme/models/releases/1/assets?name=demo.model.1.0.0.nupkg"],
            github.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        StandInRelease made = Assert.Single(github.Releases);
        Assert.Equal(("Demo-v1.0.0", "Demo 1.0.0"), (made.TagName, made.Name));
        Assert.StartsWith("# Demo.Model 1.0.0", made.Body, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(production), Assert.Single(made.Assets).Bytes);
        Assert.DoesNotContain(Token, release.ToString(), StringComparison.Ordinal);
    }
}
