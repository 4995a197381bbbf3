using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>Pre-release versions outside CI and off the release branch, with the SDK's defaults (MLOpsPrerelease=auto).</summary>
[Collection(TargetsCollection.Name)]
public sealed class PrereleaseVersionTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = CreateProject(log);

    public void Dispose() => _project.Dispose();

    /// <summary>No CI variables: a developer's machine, even when the tests run on a CI agent.</summary>
    private static readonly Dictionary<string, string> Local = new() { ["GITHUB_ACTIONS"] = "", ["TF_BUILD"] = "", ["CI"] = "" };

    private static Dictionary<string, string> GitHubActions(string branch, bool pullRequest) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_ACTOR"] = "ada",
        ["GITHUB_REF_NAME"] = pullRequest ? "7/merge" : branch,
        ["GITHUB_HEAD_REF"] = pullRequest ? branch : "",
        ["TF_BUILD"] = "",
    };

    [Fact]
    public void Should_publish_local_then_branch_prereleases_then_the_release_When_built_locally_on_a_pull_request_and_on_main()
    {
        // Given a model and an empty feed, with the SDK's version defaults
        // When it is published from a developer's machine
        DotNetResult local = _project.PublishIn(Local);

        // Then it is the first local pre-release of 1.0.0, saying why
        Assert.True(local.Succeeded, local.ToString());
        Assert.Contains("Demo.Model 1.0.0-local.1 (first: the first version in the feed; pre-release: built outside CI)", local.Output);

        // When the retrained model is published by CI for a pull request from feature/new-input
        _project.AppendRows(FlightData.Rows(100, seed: 2));
        DotNetResult branch = _project.PublishIn(GitHubActions("feature/new-input", pullRequest: true));

        // Then it is a pre-release labelled by the branch
        Assert.True(branch.Succeeded, branch.ToString());
        Assert.Contains("Demo.Model 1.0.0-feature-new-input.1 (first: the first version in the feed; pre-release: built on branch 'feature/new-input', not main)", branch.Output);

        // When the retrained model is published by CI on main
        _project.AppendRows(FlightData.Rows(100, seed: 3));
        DotNetResult main = _project.PublishIn(GitHubActions("main", pullRequest: false));

        // Then it is the release 1.0.0; the pre-releases stay in the feed
        Assert.True(main.Succeeded, main.ToString());
        Assert.Contains("Demo.Model 1.0.0 (first: the first version in the feed)", main.Output);
        Assert.Equal(["1.0.0", "1.0.0-feature-new-input.1", "1.0.0-local.1"], FeedVersions());

        // When the model is retrained and published locally with a label of one's own
        _project.AppendRows(FlightData.Rows(100, seed: 4));
        DotNetResult labelled = _project.PublishIn(Local, "-p:MLOpsPrereleaseLabel=try");

        // Then it is a pre-release of the next patch with that label
        Assert.True(labelled.Succeeded, labelled.ToString());
        Assert.Contains("Demo.Model 1.0.1-try.1 (patch: retrained with the same contract; previous 1.0.0; pre-release: built outside CI)", labelled.Output);
    }

    [Fact]
    public void Should_report_MLOPS0023_When_MLOpsPrerelease_is_not_auto_true_or_false()
    {
        // Given a model
        // When it is published with MLOpsPrerelease=yes
        DotNetResult publish = _project.PublishIn(Local, "-p:MLOpsPrerelease=yes");

        // Then the build fails with MLOPS0023 and nothing is published
        Assert.False(publish.Succeeded, publish.ToString());
        Assert.NotEmpty(publish.Errors("MLOPS0023"));
        Assert.Empty(FeedVersions());
    }

    private static TempModelProject CreateProject(ITestOutputHelper log)
    {
        var project = TempModelProject.Create(log, rows: 600);
        project.WriteSpec(new ModelSpecText("Demo", Parameters: "{ NumberOfLeaves: 4, NumberOfIterations: 5, MinimumExampleCountPerLeaf: 10 }", Gates: "auc: { min: 0.5 }").ToString());
        project.UsePrereleaseDefaults();
        return project;
    }

    private string PackageFolder => Path.Combine(_project.FeedDirectory, _project.PackageId.ToLowerInvariant());

    private string[] FeedVersions() =>
        Directory.Exists(PackageFolder) ? [.. Directory.GetDirectories(PackageFolder).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)] : [];
}
