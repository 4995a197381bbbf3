using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using MLOps.Core.Releases;
using MLOps.Tests.Shared;
using NuGet.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Releases;

public sealed class StageSyncTests : IDisposable
{
    private readonly ReleaseRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Should_CopyTheExactBytesOfTheNewestVersion_When_StagingFollowsLatest()
    {
        // Given two versions in dev and staging declared 'latest'
        _repo.Publish("1.0.0", 'a');
        _repo.Publish("1.1.0", 'b');

        // When the stages are synced
        (StageSyncResult result, DiagnosticBag bag) = await SyncAsync();

        // Then staging holds 1.1.0 with the very bytes dev holds; production (nothing declared) is untouched
        Assert.Empty(bag);
        StageChange copy = Assert.Single(result.Changes);
        Assert.Equal(("staging", StageChangeKind.Copied, "1.1.0"), (copy.Stage, copy.Kind, copy.Version.ToNormalizedString()));
        Assert.Equal(_repo.Bytes("dev", "1.1.0"), _repo.Bytes("staging", "1.1.0"));
        Assert.Equal(_repo.Bytes("dev", "1.1.0"), copy.Nupkg);
        Assert.Equal(["1.1.0"], _repo.Versions("staging"));
        Assert.Empty(_repo.Versions("production"));
        Assert.Equal(NuGetVersion.Parse("1.1.0"), result.States[0].Serves);
        Assert.True(result.States[0].NewlyServed);
    }

    [Fact]
    public async Task Should_DoNothing_When_TheFeedsAlreadyMatch()
    {
        // Given a synced staging
        _repo.Publish("1.0.0", 'a');
        await SyncAsync();

        // When synced again
        (StageSyncResult result, DiagnosticBag bag) = await SyncAsync();

        // Then nothing changes
        Assert.Empty(bag);
        Assert.Empty(result.Changes);
        Assert.False(result.States[0].NewlyServed);
    }

    [Fact]
    public async Task Should_RemoveTheRolledBackVersionAndKeepTheOthers_When_ProductionIsRolledBack()
    {
        // Given production promoted 1.0.0, synced, then 1.1.0, synced
        _repo.Publish("1.0.0", 'a');
        const string First = """
            package: M.Model
            stages:
              staging: latest
              production: 1.0.0
            history:
              - { action: promote, stage: production, version: 1.0.0, at: 2026-12-01T10:00:00Z, by: "A", reason: "first" }

            """;
        _repo.WriteRelease(First);
        await SyncAsync();
        _repo.Publish("1.1.0", 'b');
        _repo.WriteRelease(First.Replace("production: 1.0.0", "production: 1.1.0", StringComparison.Ordinal)
            + "  - { action: promote, stage: production, version: 1.1.0, at: 2026-12-01T11:00:00Z, by: \"A\", reason: \"better\" }\n");
        await SyncAsync();
        Assert.Equal(["1.0.0", "1.1.0"], _repo.Versions("production"));

        // When production is rolled back to 1.0.0 and synced
        _repo.WriteRelease(_repo.ReadRelease().Replace("production: 1.1.0", "production: 1.0.0", StringComparison.Ordinal)
            + "  - { action: rollback, stage: production, version: 1.0.0, from: 1.1.0, at: 2026-12-01T12:00:00Z, by: \"B\", reason: \"bad\" }\n");
        (StageSyncResult result, DiagnosticBag bag) = await SyncAsync();

        // Then 1.1.0 is gone from production, 1.0.0 stays, and staging keeps both
        Assert.Empty(bag);
        StageChange removal = Assert.Single(result.Changes);
        Assert.Equal(("production", StageChangeKind.Removed, "1.1.0"), (removal.Stage, removal.Kind, removal.Version.ToNormalizedString()));
        Assert.Equal(["1.0.0"], _repo.Versions("production"));
        Assert.Equal(["1.0.0", "1.1.0"], _repo.Versions("staging"));
        Assert.Equal(NuGetVersion.Parse("1.0.0"), result.States[1].Serves);
    }

    [Fact]
    public async Task Should_ReportMLOPS5013AndLeaveTheStage_When_AVersionWasPushedByHand()
    {
        // Given production declared 1.0.0, and 9.9.9 pushed straight into the production feed
        _repo.Publish("1.0.0", 'a');
        _repo.WriteRelease("package: M.Model\nstages:\n  staging: latest\n  production: 1.0.0\nhistory:\n  - { action: promote, stage: production, version: 1.0.0, at: 2026-12-01T10:00:00Z, by: \"A\" }\n");
        await SyncAsync();
        _repo.Publish("9.9.9", 'z', stage: "production");

        // When synced
        (StageSyncResult _, DiagnosticBag bag) = await SyncAsync();

        // Then MLOPS5013 names the feed, the version and what to do, and the feed is left as it is
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(Codes.UnexplainedStageVersion, d.Code);
        Assert.Contains(_repo.Feed("production"), d.Message);
        Assert.Contains("M.Model 9.9.9", d.Message);
        Assert.Contains("mlops promote M 9.9.9 --to production", d.Message);
        Assert.Equal(["1.0.0", "9.9.9"], _repo.Versions("production"));
    }

    [Fact]
    public async Task Should_ReportMLOPS5012_When_TheDeclaredVersionIsNotInTheStageBefore()
    {
        // Given production declares 2.0.0, which staging does not hold
        _repo.Publish("1.0.0", 'a');
        _repo.WriteRelease("package: M.Model\nstages:\n  staging: latest\n  production: 2.0.0\nhistory: []\n");

        // When synced
        (StageSyncResult _, DiagnosticBag bag) = await SyncAsync();

        // Then MLOPS5012, and production gets nothing
        Assert.Equal(Codes.VersionNotInPreviousStage, Assert.Single(bag).Code);
        Assert.Empty(_repo.Versions("production"));
    }

    [Fact]
    public async Task Should_RefuseAnUnsignedPackageWithMLOPS5016_When_TheStageRequiresSigning()
    {
        // Given a staging stage that requires signed packages
        using var repo = new ReleaseRepository("stages:\n  - { name: dev, feed: feeds/dev }\n  - { name: staging, feed: feeds/staging, require-signed: true }\n");
        repo.Publish("1.0.0", 'a');

        // When synced
        var bag = new DiagnosticBag();
        ModelRelease model = ModelRelease.Open(repo.ModelFolder, bag)!;
        await new StageSync(model, new StageFeeds()).SyncAsync(null, bag);

        // Then the unsigned package is refused
        Assert.Equal(Codes.UnsignedPackageRefused, Assert.Single(bag).Code);
        Assert.Empty(repo.Versions("staging"));
    }

    [Fact]
    public async Task Should_ReportMLOPS5015_When_TheSourcePackageWasChangedInPlace()
    {
        // Given dev's package replaced on disk after it was added (its recorded sha512 no longer matches)
        _repo.Publish("1.0.0", 'a');
        string file = Path.Combine(_repo.Feed("dev"), "m.model", "1.0.0", "m.model.1.0.0.nupkg");
        File.Copy(TestPackages.Model(_repo.Root, ReleaseRepository.PackageId, "1.0.0", 'f'), file, overwrite: true);

        // When synced
        (StageSyncResult _, DiagnosticBag bag) = await SyncAsync();

        // Then nothing is copied
        Assert.Equal(Codes.StageCopyHashMismatch, Assert.Single(bag).Code);
        Assert.Empty(_repo.Versions("staging"));
    }

    [Fact]
    public async Task Should_ReportMLOPS5014_When_ProductionIsSetBackByHandWithoutARollback()
    {
        // Given production (after dev) released 1.0.0 then 1.1.0, and release.yaml edited back to 1.0.0 with no rollback entry
        using var repo = new ReleaseRepository("stages:\n  - name: dev\n    feed: feeds/dev\n  - name: production\n    feed: feeds/production\n");
        repo.Publish("1.0.0", 'a');
        repo.Publish("1.1.0", 'b');
        const string First = """
            package: M.Model
            stages:
              production: 1.0.0
            history:
              - { action: promote, stage: production, version: 1.0.0, at: 2026-12-01T10:00:00Z, by: "A", reason: "first" }

            """;
        string second = First.Replace("production: 1.0.0", "production: 1.1.0", StringComparison.Ordinal)
            + "  - { action: promote, stage: production, version: 1.1.0, at: 2026-12-01T11:00:00Z, by: \"A\", reason: \"second\" }\n";
        repo.WriteRelease(First);
        Assert.Empty((await SyncAsync(repo)).Bag);
        repo.WriteRelease(second);
        Assert.Empty((await SyncAsync(repo)).Bag);
        repo.WriteRelease(second.Replace("production: 1.1.0", "production: 1.0.0", StringComparison.Ordinal));

        // When released
        (StageSyncResult result, DiagnosticBag bag) = await SyncAsync(repo);

        // Then the feed still serves 1.1.0 (a version production served is kept), and MLOPS5014 says to roll back instead
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(Codes.StageServesOtherVersion, d.Code);
        Assert.Contains("mlops rollback M --stage production --to 1.0.0", d.Message);
        Assert.Equal(NuGetVersion.Parse("1.1.0"), result.States.Single(s => s.Stage == "production").Serves);
    }

    private Task<(StageSyncResult, DiagnosticBag)> SyncAsync() => SyncAsync(_repo);

    private static async Task<(StageSyncResult Result, DiagnosticBag Bag)> SyncAsync(ReleaseRepository repo)
    {
        var bag = new DiagnosticBag();
        ModelRelease model = ModelRelease.Open(repo.ModelFolder, bag)!;
        Assert.Empty(bag);
        StageSyncResult result = await new StageSync(model, new StageFeeds()).SyncAsync(null, bag);
        return (result, bag);
    }
}
