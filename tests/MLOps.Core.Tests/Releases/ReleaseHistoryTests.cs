using System.Text.Json.Nodes;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using MLOps.Core.Releases;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Releases;

public sealed class ReleaseHistoryTests : IDisposable
{
    private readonly ReleaseRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Should_TellWhoWhyTheCommitAndTheChampionVerdict_When_APublishedPackageHasThemInItsLineage()
    {
        // Given a package whose lineage records its builder, commit, version decision, champion verdict and a gate override
        var lineage = new JsonObject
        {
            ["schema_version"] = 1,
            ["model_id"] = ReleaseRepository.PackageId,
            ["model_sha256"] = TestPackages.Sha('a'),
            ["build"] = new JsonObject { ["by"] = "github-actions (ada)" },
            ["code"] = new JsonObject { ["git_commit"] = "3f2a9c1d7b20aa", ["git_dirty"] = false },
            ["version_decision"] = new JsonObject { ["change"] = "minor", ["previous"] = "1.0.0", ["reason"] = "minor: new feature Month", ["changes"] = new JsonArray() },
            ["champion"] = new JsonObject { ["stage"] = "production", ["version"] = "1.0.0", ["passed"] = true },
            ["gate_override"] = new JsonObject { ["reason"] = "auc gate too strict for January", ["by"] = "ada" },
        };
        string nupkg = TestPackages.WithLineageText(_repo.Root, ReleaseRepository.PackageId, "1.1.0", lineage.ToJsonString());
        var bag = new DiagnosticBag();
        await ModelFeed.Open(_repo.Feed("dev"), bag)!.PublishAsync(nupkg, bag);

        // When the history is read
        ModelRelease model = ModelRelease.Open(_repo.ModelFolder, bag)!;
        IReadOnlyList<HistoryEvent> events = await new ReleaseHistory(model, new StageFeeds()).ReadAsync(bag);

        // Then the publish event carries them all, timed by the feed
        Assert.Empty(bag);
        HistoryEvent e = Assert.Single(events);
        Assert.Equal(("publish", "dev", "1.1.0", "github-actions (ada)", "3f2a9c1d7b20aa", "minor: new feature Month"), (e.Action, e.Stage, e.Version, e.By, e.Commit, e.Reason));
        Assert.Equal("beat champion production 1.0.0", e.Champion);
        Assert.Equal("gate overridden: auc gate too strict for January", e.Override);
        Assert.NotNull(e.At);
    }
}
