using MLOps.Core.SourceControl;
using Xunit;

namespace MLOps.Core.Tests.SourceControl;

public sealed class CiEnvironmentTests
{
    private static CiEnvironment Detect(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return CiEnvironment.Detect(name => map.GetValueOrDefault(name), () => "Ada Lovelace");
    }

    [Fact]
    public void Should_name_the_actor_branch_and_run_When_on_GitHub_Actions()
    {
        CiEnvironment ci = Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_ACTOR", "octocat"), ("GITHUB_REF_NAME", "main"),
            ("GITHUB_SERVER_URL", "https://github.example"), ("GITHUB_REPOSITORY", "acme/models"), ("GITHUB_RUN_ID", "42"));

        Assert.True(ci.IsCi);
        Assert.Equal("github-actions (octocat)", ci.Identity);
        Assert.Equal("main", ci.Branch);
        Assert.Equal("https://github.example/acme/models/actions/runs/42", ci.RunUrl);
    }

    [Fact]
    public void Should_take_the_head_branch_When_a_GitHub_pull_request_builds()
    {
        CiEnvironment ci = Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_REF_NAME", "7/merge"), ("GITHUB_HEAD_REF", "feature/x"));

        Assert.Equal("feature/x", ci.Branch);
        Assert.Null(ci.RunUrl);
    }

    [Fact]
    public void Should_strip_refs_heads_When_on_Azure_Pipelines()
    {
        CiEnvironment ci = Detect(("TF_BUILD", "True"), ("BUILD_REQUESTEDFOR", "Grace"), ("BUILD_SOURCEBRANCH", "refs/heads/main"),
            ("SYSTEM_COLLECTIONURI", "https://dev.example/acme/"), ("SYSTEM_TEAMPROJECT", "ML Models"), ("BUILD_BUILDID", "7"));

        Assert.Equal("azure-pipelines", ci.System);
        Assert.Equal("azure-pipelines (Grace)", ci.Identity);
        Assert.Equal("main", ci.Branch);
        Assert.Equal("https://dev.example/acme/ML%20Models/_build/results?buildId=7", ci.RunUrl);
    }

    [Fact]
    public void Should_be_the_local_user_and_not_CI_When_no_CI_variable_is_set()
    {
        CiEnvironment ci = Detect(("GITHUB_ACTIONS", "false"));

        Assert.False(ci.IsCi);
        Assert.Equal("Ada Lovelace", ci.Identity);
        Assert.Null(ci.Branch);
    }
}
