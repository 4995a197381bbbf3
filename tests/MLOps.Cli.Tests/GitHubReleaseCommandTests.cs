using System.Text.Json;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

/// <summary>`mlops release` (what the Release target runs) makes the GitHub release of the version production serves.</summary>
public sealed class GitHubReleaseCommandTests : IDisposable
{
    private const string Token = "ghp_test_token_never_printed";
    private readonly string _variable = $"MLOPS_TEST_GITHUB_{Guid.NewGuid():N}";
    private readonly ReleaseRepository _repo = new();
    private readonly GitHubApiStandIn _github = new("acme/models", Token);

    public GitHubReleaseCommandTests()
    {
        File.WriteAllText(Path.Combine(_repo.Root, "stages.yaml"), $"""
            stages:
              - name: dev
                feed: feeds/dev
              - name: production
                feed: feeds/production
            github:
              repository: acme/models
              api-url: {_github.BaseUrl}
              token-env: {_variable}
            """);
        _repo.WriteRelease("package: M.Model\nstages: {}\nhistory: []\n");
        Environment.SetEnvironmentVariable(_variable, Token);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        _github.Dispose();
        _repo.Dispose();
    }

    [Fact]
    public void Should_create_the_tagged_release_with_the_card_and_the_exact_package_When_production_gets_a_version()
    {
        // Given 1.0.0 published to dev and promoted to production
        _repo.Publish("1.0.0", 'a');
        Assert.Equal(0, Run("promote", "M", "1.0.0", "--to", "production", "--force", "--reason", "first release").ExitCode);

        // When released
        CliResult release = Run("release", "M");

        // Then GitHub got: the tag looked up, the release created with the model card, the package production serves attached
        Assert.True(release.ExitCode == 0, release.ToString());
        GitHubApiRequest[] requests = [.. _github.Requests];
        Assert.Equal(["GET /api/v3/repos/acme/models/releases/tags/M-v1.0.0", "POST /api/v3/repos/acme/models/releases", "POST /api/uploads/repos/acme/models/releases/1/assets?name=m.model.1.0.0.nupkg"],
            requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        using JsonDocument created = JsonDocument.Parse(requests[1].BodyText);
        Assert.Equal("M-v1.0.0", created.RootElement.GetProperty("tag_name").GetString());
        Assert.Equal("M 1.0.0", created.RootElement.GetProperty("name").GetString());
        Assert.Equal(TestPackages.ModelCard("M.Model", "1.0.0"), created.RootElement.GetProperty("body").GetString());
        Assert.Equal(_repo.Bytes("production", "1.0.0"), requests[2].Body);
        Assert.All(requests, r => Assert.Contains(Token, r.Authorization, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, release.Output + release.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_only_look_the_release_up_When_released_again()
    {
        // Given 1.0.0 released to production once
        _repo.Publish("1.0.0", 'a');
        Run("promote", "M", "1.0.0", "--to", "production", "--force", "--reason", "first release");
        Assert.Equal(0, Run("release", "M").ExitCode);

        // When released again with nothing changed
        CliResult again = Run("release", "M");

        // Then the release with its asset is found and nothing is created or uploaded
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(4, _github.Requests.Count);
        Assert.Equal("GET", _github.Requests[^1].Method);
        Assert.Single(Assert.Single(_github.Releases).Assets);
    }

    private CliResult Run(params string[] args) => Cli.Run([.. args, "-C", _repo.Root]);
}
