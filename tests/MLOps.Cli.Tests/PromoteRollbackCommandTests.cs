using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

public sealed class PromoteRollbackCommandTests : IDisposable
{
    private readonly ReleaseRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Should_DeclareTheVersionWithAHistoryEntry_When_AVersionInStagingIsPromoted()
    {
        // Given 1.0.0 published and released to staging
        _repo.Publish("1.0.0", 'a');
        Assert.Equal(0, Run("release", "M").ExitCode);

        // When it is promoted to production
        CliResult result = Run("promote", "M", "1.0.0", "--to", "production", "--reason", "first release");

        // Then release.yaml declares it and records who, when and why
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("M.Model 1.0.0 is now declared for production in models/M/release.yaml", result.Output);
        string release = _repo.ReadRelease();
        Assert.Contains("  production: 1.0.0\n", release);
        Assert.Matches(@"  - \{ action: promote, stage: production, version: 1\.0\.0, at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, by: "".+"", reason: ""first release"" \}\n$", release);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS5012_When_TheVersionIsNotInTheStageBefore()
    {
        // Given 1.0.0 in dev, and 2.0.0 nowhere (built on a branch, say)
        _repo.Publish("1.0.0", 'a');

        // When 2.0.0 is promoted to production
        CliResult result = Run("promote", "M", "2.0.0", "--to", "production");

        // Then it is refused and the file is unchanged
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS5012: ", result.Error);
        Assert.Contains("--force --reason", result.Error);
        Assert.DoesNotContain("production", _repo.ReadRelease());
    }

    [Fact]
    public void Should_RequireAReasonWithMLOPS0029AndRecordTheOverride_When_ForceIsUsed()
    {
        // Given 1.0.0 in dev, and 2.0.0 not in staging
        _repo.Publish("1.0.0", 'a');

        // When 2.0.0 is forced to production without, then with a reason
        CliResult without = Run("promote", "M", "2.0.0", "--to", "production", "--force");
        CliResult with = Run("promote", "M", "2.0.0", "--to", "production", "--force", "--reason", "hotfix");

        // Then the first is a usage error, the second an override recorded in the history
        Assert.True(without.ExitCode == 2, without.ToString());
        Assert.Contains("error MLOPS0029: ", without.Error);
        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.Contains("reason: \"hotfix\", override: true }", _repo.ReadRelease());
    }

    [Fact]
    public void Should_AcceptTheVersion_When_TheStageBeforeFollowsLatestAndItIsTheNewest()
    {
        // Given 1.0.0 in dev, staging declared 'latest' but not released yet
        _repo.Publish("1.0.0", 'a');

        // When 1.0.0 is promoted to production, and the release run
        CliResult promote = Run("promote", "M", "1.0.0", "--to", "production", "--reason", "first");
        CliResult release = Run("release", "M");

        // Then staging gets it first, then production from staging
        Assert.True(promote.ExitCode == 0, promote.ToString());
        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.Contains("staging: copied M.Model 1.0.0", release.Output);
        Assert.Contains("production: copied M.Model 1.0.0", release.Output);
        Assert.Equal(["1.0.0"], _repo.Versions("production"));
    }

    [Theory]
    [InlineData("qa")]
    [InlineData("dev")]
    public void Should_ExitTwoWithMLOPS0028_When_TheStageIsUnknownOrTheFirst(string stage)
    {
        // Given a published version
        _repo.Publish("1.0.0", 'a');

        // When it is promoted to a stage that does not exist, or to the first stage
        CliResult result = Run("promote", "M", "1.0.0", "--to", stage);

        // Then it is a usage error naming the stages
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS0028: ", result.Error);
        Assert.Contains("staging, production", result.Error);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS0029_When_ARollbackHasNoReason()
    {
        // Given production serving 1.1.0 after 1.0.0
        PromoteTwice();

        // When it is rolled back without a reason
        CliResult result = Run("rollback", "M", "--stage", "production");

        // Then nothing changes
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS0029: ", result.Error);
        Assert.Contains("production: 1.1.0", _repo.ReadRelease());
    }

    [Fact]
    public void Should_GoBackToThePreviousVersionAndTakeTheOtherOutOfTheFeed_When_ProductionIsRolledBack()
    {
        // Given production serving 1.1.0 after 1.0.0
        PromoteTwice();

        // When it is rolled back, and the release run
        CliResult rollback = Run("rollback", "M", "--stage", "production", "--reason", "1.1.0 mispredicts");
        CliResult release = Run("release", "M");

        // Then the file declares 1.0.0 with the rollback entry, and the feed no longer has 1.1.0
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("production goes back from M.Model 1.1.0 to 1.0.0", rollback.Output);
        Assert.Contains("  production: 1.0.0\n", _repo.ReadRelease());
        Assert.Contains("action: rollback, stage: production, version: 1.0.0, from: 1.1.0,", _repo.ReadRelease());
        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.Contains("production: removed M.Model 1.1.0 (rolled back)", release.Output);
        Assert.Equal(["1.0.0"], _repo.Versions("production"));
        Assert.Equal(["1.0.0", "1.1.0"], _repo.Versions("staging"));
    }

    [Fact]
    public void Should_ExitOneWithMLOPS5018_When_ThereIsNothingToGoBackTo()
    {
        // Given production has served only 1.0.0
        _repo.Publish("1.0.0", 'a');
        Run("release", "M");
        Assert.Equal(0, Run("promote", "M", "1.0.0", "--to", "production", "--reason", "first").ExitCode);

        // When it is rolled back
        CliResult result = Run("rollback", "M", "--stage", "production", "--reason", "bad");

        // Then there is nothing to go back to
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS5018: ", result.Error);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS5023_When_APromotionWouldGoBack()
    {
        // Given production serving 1.1.0 after 1.0.0
        PromoteTwice();

        // When 1.0.0 is promoted again
        CliResult result = Run("promote", "M", "1.0.0", "--to", "production", "--reason", "back");

        // Then it says to roll back instead
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS5023: ", result.Error);
        Assert.Contains("mlops rollback M --stage production --to 1.0.0", result.Error);
    }

    private void PromoteTwice()
    {
        _repo.Publish("1.0.0", 'a');
        Assert.Equal(0, Run("release", "M").ExitCode);
        Assert.Equal(0, Run("promote", "M", "1.0.0", "--to", "production", "--reason", "first").ExitCode);
        Assert.Equal(0, Run("release", "M").ExitCode);
        _repo.Publish("1.1.0", 'b');
        Assert.Equal(0, Run("release", "M").ExitCode);
        Assert.Equal(0, Run("promote", "M", "1.1.0", "--to", "production", "--reason", "better").ExitCode);
        CliResult release = Run("release", "M");
        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.Equal(["1.0.0", "1.1.0"], _repo.Versions("production"));
    }

    private CliResult Run(params string[] args) => Cli.Run([.. args, "-C", _repo.Root]);
}
