using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Releases;

public sealed class GitHubReleasesTests : IDisposable
{
    private const string Repository = "contoso/models";
    private const string Token = "ghp_test-token-4f2a9c";
    private static readonly string Tag = GitHubReleaseRequest.TagFor("Churn.Model", "1.2.0");
    private readonly TempFolder _temp = new("mlops-github");
    private readonly GitHubApiStandIn _github = new(Repository, Token);
    private readonly List<string> _log = [];
    private readonly DiagnosticBag _bag = [];

    public void Dispose()
    {
        _github.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Should_create_the_release_and_attach_the_package_When_no_release_has_the_tag()
    {
        // Given a packed model and a repository without a release for its version
        string package = _temp.Write("Churn.Model.1.2.0.nupkg", "PK-not-really-a-zip-but-bytes");

        // When the release is published
        bool ok = await Publish(Request(package));

        // Then the release was looked up by tag, created with the card as body, and the package uploaded
        Assert.True(ok, string.Join('\n', _bag));
        Assert.Empty(_bag);
        GitHubApiRequest[] requests = [.. _github.Requests];
        Assert.Equal(["GET", "POST", "POST"], requests.Select(r => r.Method));
        Assert.Equal($"/api/v3/repos/{Repository}/releases/tags/{Tag}", requests[0].PathAndQuery);
        Assert.Equal($"/api/v3/repos/{Repository}/releases", requests[1].PathAndQuery);
        using (var created = JsonDocument.Parse(requests[1].Body))
        {
            Assert.Equal(Tag, created.RootElement.GetProperty("tag_name").GetString());
            Assert.Equal("Churn.Model 1.2.0", created.RootElement.GetProperty("name").GetString());
            Assert.Equal("# Churn\n\nauc 0.91 (champion 1.1.0: 0.89)", created.RootElement.GetProperty("body").GetString());
        }

        StandInRelease release = Assert.Single(_github.Releases);
        Assert.Equal($"/api/uploads/repos/{Repository}/releases/{release.Id}/assets?name=Churn.Model.1.2.0.nupkg", requests[2].PathAndQuery);
        Assert.Equal(await File.ReadAllBytesAsync(package), requests[2].Body);
        StandInAsset asset = Assert.Single(release.Assets);
        Assert.Equal("Churn.Model.1.2.0.nupkg", asset.Name);

        // And every request carried the token, which nothing printed
        Assert.All(requests, r => Assert.Contains(Token, r.Authorization!, StringComparison.Ordinal));
        Assert.DoesNotContain(_log, l => l.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, Request(package).ToString(), StringComparison.Ordinal);
        Assert.Contains(_log, l => l.Contains($"created release {Tag}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_change_nothing_and_say_so_When_the_release_already_has_the_package()
    {
        // Given a release with the tag that already holds the package
        _github.AddRelease(Tag, "Churn.Model.1.2.0.nupkg");
        string package = _temp.Write("Churn.Model.1.2.0.nupkg", "bytes");

        // When the release is published again
        bool ok = await Publish(Request(package));

        // Then only the lookup was made, and the log says there was nothing to do
        Assert.True(ok);
        Assert.Empty(_bag);
        GitHubApiRequest request = Assert.Single(_github.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Contains(_log, l => l.Contains("nothing to do", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_upload_only_the_package_When_the_release_exists_without_it()
    {
        // Given a release with the tag but no asset (an earlier run stopped after creating it)
        StandInRelease existing = _github.AddRelease(Tag);
        string package = _temp.Write("Churn.Model.1.2.0.nupkg", "package bytes");

        // When the release is published
        bool ok = await Publish(Request(package));

        // Then no second release was created and the package was attached to the existing one
        Assert.True(ok, string.Join('\n', _bag));
        Assert.Equal(["GET", "POST"], _github.Requests.Select(r => r.Method));
        Assert.StartsWith($"/api/uploads/repos/{Repository}/releases/{existing.Id}/assets?name=", _github.Requests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("package bytes"u8.ToArray(), Assert.Single(existing.Assets).Bytes);
    }

    [Fact]
    public async Task Should_report_MLOPS5025_without_the_token_When_GitHub_refuses_the_token()
    {
        // Given a token GitHub does not accept
        string package = _temp.Write("Churn.Model.1.2.0.nupkg", "bytes");
        const string wrong = "ghp_wrong-token-77";

        // When the release is published with it
        bool ok = await Publish(Request(package) with { Token = wrong });

        // Then a 401 is reported naming the repository, and the token is nowhere in the output
        Assert.False(ok);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal(Codes.GitHubAuthenticationFailed, error.Code);
        Assert.Contains(Repository, error.Message, StringComparison.Ordinal);
        Assert.Contains("Bad credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_log, l => l.Contains(wrong, StringComparison.Ordinal));
        Assert.Empty(_github.Releases);
    }

    [Fact]
    public async Task Should_report_MLOPS5026_When_the_repository_does_not_exist()
    {
        // Given a repository GitHub does not hold
        string package = _temp.Write("Churn.Model.1.2.0.nupkg", "bytes");

        // When the release is published to it
        bool ok = await Publish(Request(package) with { Repository = "contoso/no-such-repo" });

        // Then the lookup's 404 led to the create call, whose 404 names the repository
        Assert.False(ok);
        Assert.Equal(Codes.GitHubRepositoryNotFound, Assert.Single(_bag).Code);
        Assert.Contains("contoso/no-such-repo", _bag.Single().Message, StringComparison.Ordinal);
        Assert.Equal(["GET", "POST"], _github.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Should_report_MLOPS5027_When_the_rate_limit_is_used_up()
    {
        // Given a token whose rate limit is used up
        _github.RateLimited = true;
        string package = _temp.Write("Churn.Model.1.2.0.nupkg", "bytes");

        // When the release is published
        bool ok = await Publish(Request(package));

        // Then the rate limit is reported with when it resets
        Assert.False(ok);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal(Codes.GitHubRateLimited, error.Code);
        Assert.Contains("resets at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_MLOPS5028_When_the_API_cannot_be_reached()
    {
        // Given an API URL where nothing listens
        string package = _temp.Write("Churn.Model.1.2.0.nupkg", "bytes");
        var closed = new Uri(_github.BaseUrl.ToString());
        _github.Dispose();

        // When the release is published there
        bool ok = await Publish(Request(package) with { ApiUrl = closed });

        // Then a network failure is reported naming the repository
        Assert.False(ok);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal(Codes.GitHubUnavailable, error.Code);
        Assert.Contains(Repository, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_MLOPS5002_and_call_nothing_When_the_package_does_not_exist()
    {
        // Given a package path with no file
        // When the release is published
        bool ok = await Publish(Request(_temp.PathOf("missing.nupkg")));

        // Then nothing was sent
        Assert.False(ok);
        Assert.Equal(Codes.PackageFileNotFound, Assert.Single(_bag).Code);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public void Should_name_the_model_and_version_When_a_tag_and_title_are_made()
    {
        // Given a model and version, When its tag and title are made, Then they are <model>-v<version> and "<model> <version>"
        Assert.Equal("FlightDelay.Model-v1.2.0", GitHubReleaseRequest.TagFor("FlightDelay.Model", "1.2.0"));
        Assert.Equal("FlightDelay.Model 1.2.0", GitHubReleaseRequest.NameFor("FlightDelay.Model", "1.2.0"));
    }

    private GitHubReleaseRequest Request(string package) =>
        new(Repository, _github.BaseUrl, Token, Tag, GitHubReleaseRequest.NameFor("Churn.Model", "1.2.0"), "# Churn\n\nauc 0.91 (champion 1.1.0: 0.89)", package);

    private Task<bool> Publish(GitHubReleaseRequest request) =>
        new GitHubReleases(_log.Add).PublishAsync(request, _bag, CancellationToken.None);
}
