using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Common;
using NuGet.Protocol;
using NuGet.Versioning;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Registry;

/// <summary>Folder-feed publishing stages a version in .incoming-&lt;guid&gt; and renames it into place.</summary>
public sealed class ModelFeedStagingTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_ignore_a_partial_staging_folder_When_NuGet_reads_the_feed()
    {
        // Given a feed with 1.0.0 published, and the half-written staging folder a killed publisher of 1.1.0 left
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);
        string partial = Directory.CreateDirectory(Path.Combine(_temp.Feed, ".incoming-0123456789abcdef", "flight.model", "1.1.0")).FullName;
        await File.WriteAllTextAsync(Path.Combine(partial, "flight.model.1.1.0.nupkg"), "truncated");

        // When NuGet lists the feed: by id, and every package in it
        IReadOnlyList<NuGetVersion> versions = await feed.GetVersionsAsync("Flight.Model", _bag);
        var all = LocalFolderUtility.GetPackagesV3(_temp.Feed, NullLogger.Instance).Select(p => p.Identity.ToString().ToLowerInvariant()).ToList();

        // Then only the complete 1.0.0 is seen, and the feed is still v3
        Assert.Empty(_bag);
        Assert.Equal([new NuGetVersion(1, 0, 0)], versions);
        Assert.Equal(["flight.model.1.0.0"], all);
        Assert.Equal(FeedType.FileSystemV3, LocalFolderUtility.GetLocalFeedType(_temp.Feed, NullLogger.Instance));
    }

    [Fact]
    public async Task Should_remove_only_stale_staging_folders_When_the_next_publish_runs()
    {
        // Given a staging folder left an hour ago and one that a concurrent publisher may be writing now
        string stale = Directory.CreateDirectory(Path.Combine(_temp.Feed, ".incoming-stale")).FullName;
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        string fresh = Directory.CreateDirectory(Path.Combine(_temp.Feed, ".incoming-fresh")).FullName;
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;

        // When a package is published
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);

        // Then the stale one is gone, the fresh one stays, and the publish left no staging folder of its own
        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.False(Directory.Exists(stale));
        Assert.Equal([fresh], Directory.GetDirectories(_temp.Feed, ".incoming-*"));
    }

    [Fact]
    public async Task Should_fail_with_MLOPS5005_and_keep_the_other_package_When_the_version_folder_appears_meanwhile()
    {
        // Given a version folder that another publisher renamed into place (not yet visible when compared: simulated by a bare folder with a nupkg of another model)
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;
        string other = Directory.CreateDirectory(Path.Combine(_temp.Feed, "flight.model", "1.0.0")).FullName;
        await File.WriteAllTextAsync(Path.Combine(other, "marker"), "the other publisher's folder");

        // When this package is published (the feed lists nothing: the folder has no nupkg)
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);

        // Then the rename is refused and the other folder is untouched
        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Equal(Codes.PushFailed, Assert.Single(_bag).Code);
        Assert.Equal(["marker"], Directory.GetFiles(other).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(_temp.Feed, ".incoming-*"));
    }
}
