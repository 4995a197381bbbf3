using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Releases;

public sealed class GitHubReleaseSettingsTests : IDisposable
{
    private readonly TempFolder _temp = new("mlops-github-settings");
    private readonly DiagnosticBag _bag = [];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_read_the_repository_with_defaults_When_only_the_repository_is_given()
    {
        // Given stages.yaml with stages and a github section naming only the repository
        string file = _temp.Write("stages.yaml", "stages:\n  - name: dev\n    feed: artifacts/feed\ngithub:\n  repository: contoso/models\n");

        // When the github section is read
        GitHubReleaseSettings? settings = GitHubReleaseSettings.Read(file, _bag);

        // Then the API is GitHub's own and the token comes from MLOPS_GITHUB_TOKEN
        Assert.Empty(_bag);
        Assert.Equal(new GitHubReleaseSettings("contoso/models", Octokit.GitHubClient.GitHubApiUrl, "MLOPS_GITHUB_TOKEN"), settings);
    }

    [Fact]
    public void Should_read_every_key_When_the_section_is_a_flow_mapping()
    {
        // Given the section written on one line with an Enterprise server and another token variable
        string file = _temp.Write("stages.yaml", "github: { repository: contoso/models, api-url: https://git.contoso.test/, token-env: CONTOSO_TOKEN }\n");

        // When it is read
        GitHubReleaseSettings? settings = GitHubReleaseSettings.Read(file, _bag);

        // Then each key is taken as written
        Assert.Empty(_bag);
        Assert.Equal(new GitHubReleaseSettings("contoso/models", new Uri("https://git.contoso.test/"), "CONTOSO_TOKEN"), settings);
    }

    [Fact]
    public void Should_return_nothing_and_report_nothing_When_there_is_no_github_section()
    {
        // Given stages.yaml without a github section
        string file = _temp.Write("stages.yaml", "stages:\n  - name: dev\n    feed: artifacts/feed\n");

        // When it is read, Then there is no GitHub release and no diagnostic
        Assert.Null(GitHubReleaseSettings.Read(file, _bag));
        Assert.Empty(_bag);
    }

    [Theory]
    [InlineData("github:\n  repository: models\n", 2)]
    [InlineData("github:\n  repository: contoso/models\n  api-url: not a url\n", 3)]
    [InlineData("github:\n  repository: contoso/models\n  token: abc\n", 3)]
    [InlineData("github: contoso/models\n", 1)]
    public void Should_report_MLOPS0031_at_its_line_When_the_section_is_invalid(string yaml, int line)
    {
        // Given an invalid github section
        string file = _temp.Write("stages.yaml", yaml);

        // When it is read
        GitHubReleaseSettings? settings = GitHubReleaseSettings.Read(file, _bag);

        // Then MLOPS0031 points at the line
        Assert.Null(settings);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal(Codes.GitHubSettingsInvalid, error.Code);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Should_warn_MLOPS0032_and_make_no_request_When_the_token_variable_is_not_set()
    {
        // Given settings whose token variable is not set
        var settings = new GitHubReleaseSettings("contoso/models", Octokit.GitHubClient.GitHubApiUrl, "MLOPS_GITHUB_TOKEN");

        // When a request is made
        GitHubReleaseRequest? request = settings.Request("Churn.Model-v1.0.0", "Churn.Model 1.0.0", "card", "p.nupkg", _ => null, _bag);

        // Then there is none, with a warning that names the variable
        Assert.Null(request);
        Diagnostic warning = Assert.Single(_bag);
        Assert.Equal((Codes.GitHubTokenMissing, Severity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("MLOPS_GITHUB_TOKEN", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_the_token_from_the_variable_When_it_is_set()
    {
        // Given settings and the token in the environment
        var settings = new GitHubReleaseSettings("contoso/models", Octokit.GitHubClient.GitHubApiUrl, "CONTOSO_TOKEN");

        // When a request is made
        GitHubReleaseRequest? request = settings.Request("t", "n", "b", "p.nupkg", v => v == "CONTOSO_TOKEN" ? "secret" : null, _bag);

        // Then it carries the token and the repository
        Assert.Equal(("secret", "contoso/models"), (request!.Token, request.Repository));
    }
}
