using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Registry;

public sealed class ModelFeedPublishTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    private ModelFeed OpenFeed() => ModelFeed.Open(_temp.Feed, _bag) ?? throw new InvalidOperationException(string.Join("; ", _bag));

    private string FeedNupkg(string id, string version) =>
        Path.Combine(_temp.Feed, id.ToLowerInvariant(), version, $"{id.ToLowerInvariant()}.{version}.nupkg");

    [Fact]
    public async Task Should_land_in_the_v3_layout_and_be_listed_When_first_published()
    {
        // Given a model package and an empty folder feed
        string package = TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", TestPackages.Sha('a'));
        ModelFeed feed = OpenFeed();

        // When it is published
        PublishResult result = await feed.PublishAsync(package, _bag);

        // Then it is in NuGet's v3 folder layout, listed, and its lineage reads back
        Assert.Empty(_bag);
        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.True(File.Exists(FeedNupkg("Flight.Model", "1.0.0")));
        Assert.True(File.Exists(FeedNupkg("Flight.Model", "1.0.0") + ".sha512"));
        Assert.True(File.Exists(Path.Combine(_temp.Feed, "flight.model", "1.0.0", "flight.model.nuspec")));
        Assert.Equal([new NuGetVersion(1, 0, 0)], await feed.GetVersionsAsync("Flight.Model", _bag));
        Assert.Equal(TestPackages.Sha('a'), await feed.ReadModelSha256Async("Flight.Model", new NuGetVersion(1, 0, 0), _bag));
    }

    [Fact]
    public async Task Should_be_already_present_and_leave_the_feed_untouched_When_the_same_model_is_republished()
    {
        // Given version 1.0.0 published, and a new pack of the same model (different nupkg bytes)
        ModelFeed feed = OpenFeed();
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", TestPackages.Sha('a')), _bag);
        byte[] before = await File.ReadAllBytesAsync(FeedNupkg("Flight.Model", "1.0.0"));
        string repack = TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", TestPackages.Sha('a'));

        // When the new pack is published
        PublishResult result = await feed.PublishAsync(repack, _bag);

        // Then it is a no-op, not an error
        Assert.Empty(_bag);
        Assert.Equal(PublishOutcome.AlreadyPresent, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Equal(before, await File.ReadAllBytesAsync(FeedNupkg("Flight.Model", "1.0.0")));
    }

    [Fact]
    public async Task Should_refuse_with_MLOPS5001_and_keep_the_original_When_the_same_version_holds_a_different_model()
    {
        // Given version 1.0.0 published with model a
        ModelFeed feed = OpenFeed();
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", TestPackages.Sha('a')), _bag);
        byte[] before = await File.ReadAllBytesAsync(FeedNupkg("Flight.Model", "1.0.0"));

        // When version 1.0.0 with model b is published
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", TestPackages.Sha('b')), _bag);

        // Then it is refused with exactly MLOPS5001 naming both hashes, and the feed is unchanged
        Assert.Equal(PublishOutcome.Refused, result.Outcome);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal("MLOPS5001", error.Code);
        Assert.Contains(TestPackages.Sha('a'), error.Message, StringComparison.Ordinal);
        Assert.Contains(TestPackages.Sha('b'), error.Message, StringComparison.Ordinal);
        Assert.Contains("bump the version", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(FeedNupkg("Flight.Model", "1.0.0")));
    }

    [Fact]
    public async Task Should_be_already_present_When_a_library_without_lineage_is_republished()
    {
        // Given a library (no lineage.json) published as 0.1.0
        ModelFeed feed = OpenFeed();
        await feed.PublishAsync(TestPackages.Library(_temp.Path, "MLOps.Runtime", "0.1.0"), _bag);

        // When another pack of the same id and version is published
        PublishResult result = await feed.PublishAsync(TestPackages.Library(_temp.Path, "MLOps.Runtime", "0.1.0"), _bag);

        // Then NuGet's usual skip-duplicate applies
        Assert.Empty(_bag);
        Assert.Equal(PublishOutcome.AlreadyPresent, result.Outcome);
    }

    [Fact]
    public async Task Should_publish_a_new_version_beside_the_old_one_When_the_version_differs()
    {
        // Given 1.0.0 published
        ModelFeed feed = OpenFeed();
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", TestPackages.Sha('a')), _bag);

        // When 1.0.1 is published with another model
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.1", TestPackages.Sha('b')), _bag);

        // Then both are listed, lowest first, each with its own model
        Assert.Empty(_bag);
        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.Equal([new NuGetVersion(1, 0, 0), new NuGetVersion(1, 0, 1)], await feed.GetVersionsAsync("flight.model", _bag));
        Assert.Equal(TestPackages.Sha('b'), await feed.ReadModelSha256Async("Flight.Model", new NuGetVersion(1, 0, 1), _bag));
    }

    [Fact]
    public async Task Should_report_MLOPS5002_When_the_package_file_does_not_exist()
    {
        // Given a path where no package was packed
        ModelFeed feed = OpenFeed();

        // When it is published
        PublishResult result = await feed.PublishAsync(Path.Combine(_temp.Path, "Missing.1.0.0.nupkg"), _bag);

        // Then MLOPS5002 is reported and nothing reaches the feed
        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Equal("MLOPS5002", Assert.Single(_bag).Code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Feed));
    }

    [Fact]
    public async Task Should_report_MLOPS5003_When_the_file_is_not_a_nupkg()
    {
        // Given a file named like a package that is not a zip
        string bogus = Path.Combine(_temp.Path, "Bogus.1.0.0.nupkg");
        await File.WriteAllTextAsync(bogus, "not a zip");
        ModelFeed feed = OpenFeed();

        // When it is published
        PublishResult result = await feed.PublishAsync(bogus, _bag);

        // Then MLOPS5003 is reported and nothing reaches the feed
        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Equal("MLOPS5003", Assert.Single(_bag).Code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Feed));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"model_id\": \"M\"}")]
    public async Task Should_report_MLOPS5006_When_the_package_lineage_has_no_model_sha256(string lineageText)
    {
        // Given a package whose lineage.json is broken or lacks model_sha256
        string package = TestPackages.WithLineageText(_temp.Path, "Broken.Model", "1.0.0", lineageText);
        ModelFeed feed = OpenFeed();

        // When it is published
        PublishResult result = await feed.PublishAsync(package, _bag);

        // Then MLOPS5006 is reported and nothing reaches the feed
        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Equal("MLOPS5006", Assert.Single(_bag).Code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Feed));
    }
}
