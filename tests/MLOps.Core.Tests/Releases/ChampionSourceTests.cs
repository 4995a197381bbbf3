using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Releases;

public sealed class ChampionSourceTests : IDisposable
{
    private readonly ReleaseRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Should_be_the_declared_version_in_the_stage_feed_When_release_yaml_declares_production()
    {
        // Given production declared 1.2.0
        _repo.WriteRelease("package: M.Model\nstages:\n  staging: latest\n  production: 1.2.0\nhistory: []\n");

        // When the champion of the production stage is looked up
        var bag = new DiagnosticBag();
        ChampionSource? champion = ChampionSource.Find(_repo.ModelFolder, "production", bag);

        // Then it is 1.2.0 in production's feed from stages.yaml
        Assert.Empty(bag);
        Assert.Equal(new ChampionSource(_repo.Feed("production"), "1.2.0"), champion);
    }

    [Theory]
    [InlineData("package: M.Model\nstages:\n  staging: latest\nhistory: []\n", "production")]
    [InlineData("package: M.Model\nstages:\n  staging: latest\nhistory: []\n", "staging")]
    [InlineData("package: M.Model\nstages:\n  production: 1.0.0\nhistory: []\n", "canary")]
    public void Should_be_none_When_the_stage_declares_no_exact_version_or_does_not_exist(string release, string stage)
    {
        // Given a release file with nothing exact for the stage (nothing, 'latest', or no such stage)
        _repo.WriteRelease(release);

        // When the champion is looked up
        var bag = new DiagnosticBag();
        ChampionSource? champion = ChampionSource.Find(_repo.ModelFolder, stage, bag);

        // Then there is none, and nothing to report
        Assert.Null(champion);
        Assert.Empty(bag);
    }

    [Fact]
    public void Should_be_none_When_the_model_has_no_release_file()
    {
        File.Delete(_repo.ReleasePath);

        Assert.Null(ChampionSource.Find(_repo.ModelFolder, "production", new DiagnosticBag()));
    }
}
