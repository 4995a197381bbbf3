using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class PublishTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_publish_1_0_0_with_lineage_of_the_packed_model_When_the_feed_is_empty()
    {
        // Given a model and an empty feed (MLOpsFeed defaults to $(MLOpsArtifactsDir)feed)

        // When it is published
        DotNetResult publish = _project.Publish();

        // Then the feed holds 1.0.0, whose lineage records the sha256 of the model.zip packed beside it
        Assert.True(publish.Succeeded, publish.ToString());
        Assert.Contains("Demo.Model 1.0.0 published to ", publish.Output);
        Assert.Equal(["1.0.0"], FeedVersions());
        using ZipArchive package = ZipFile.OpenRead(FeedPackage("1.0.0"));
        using JsonDocument lineage = JsonDocument.Parse(Read(package, "contentFiles/any/any/mlops/Demo/lineage.json"));
        string packedModelSha256 = Convert.ToHexStringLower(SHA256.HashData(Read(package, "contentFiles/any/any/mlops/Demo/model.zip")));
        Assert.Equal(packedModelSha256, lineage.RootElement.GetProperty("model_sha256").GetString());
    }

    [Fact]
    public void Should_neither_pack_nor_push_but_leave_the_summary_When_publishing_again_with_nothing_changed()
    {
        // Given a model published once
        Assert.True(_project.Publish().Succeeded);
        string summary = Path.Combine(_project.ArtifactsDirectory, "runs", "Demo.json");
        File.Delete(summary);

        // When it is published again
        DotNetResult again = _project.Publish();

        // Then nothing is packed or pushed, the feed still holds only 1.0.0, and the run summary is there again
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Demo: unchanged since it was published to ", again.Output);
        Assert.DoesNotContain("Successfully created package", again.Output);
        Assert.Equal(["1.0.0"], FeedVersions());
        Assert.Contains("\"version\": \"1.0.0\"", File.ReadAllText(summary));
    }

    [Fact]
    public void Should_push_again_When_the_published_package_left_the_feed()
    {
        // Given a model published once, whose version was then removed from the feed by hand
        Assert.True(_project.Publish().Succeeded);
        Directory.Delete(Path.GetDirectoryName(FeedPackage("1.0.0"))!, recursive: true);

        // When it is published again with nothing else changed
        DotNetResult again = _project.Publish();

        // Then it is packed and pushed again: the stamp alone never stands in for the feed
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Demo.Model 1.0.0 published to ", again.Output);
        Assert.True(File.Exists(FeedPackage("1.0.0")));
    }

    [Fact]
    public void Should_publish_to_the_other_feed_When_MLOpsFeed_changes()
    {
        // Given a model published to the default feed
        Assert.True(_project.Publish().Succeeded);
        string other = Path.Combine(_project.Root, "other-feed");

        // When it is published to another feed
        DotNetResult elsewhere = _project.Publish($"-p:MLOpsFeed={other}");

        // Then that feed gets it too
        Assert.True(elsewhere.Succeeded, elsewhere.ToString());
        Assert.True(File.Exists(Path.Combine(other, "demo.model", "1.0.0", "demo.model.1.0.0.nupkg")), elsewhere.ToString());
    }

    [Fact]
    public void Should_refuse_MLOPS5001_for_a_forced_1_0_0_and_publish_1_0_1_When_the_data_changes_after_1_0_0()
    {
        // Given a model published as 1.0.0, then retrained on changed data
        Assert.True(_project.Publish().Succeeded);
        _project.AppendRows(FlightData.Rows(300, seed: 2));

        // When the new model is published forcing version 1.0.0
        DotNetResult forced = _project.Publish("-p:MLOpsVersion=1.0.0");

        // Then the feed refuses it: a published version is immutable
        Assert.False(forced.Succeeded, forced.ToString());
        Assert.NotEmpty(forced.Errors("MLOPS5001"));
        Assert.Equal(["1.0.0"], FeedVersions());

        // When it is published with the version left to the pipeline
        DotNetResult next = _project.Publish();

        // Then the retrained model is the next patch
        Assert.True(next.Succeeded, next.ToString());
        Assert.Contains("Demo.Model 1.0.1 published to ", next.Output);
        Assert.Equal(["1.0.0", "1.0.1"], FeedVersions());
    }

    private string PackageFolder => Path.Combine(_project.FeedDirectory, _project.PackageId.ToLowerInvariant());

    private string[] FeedVersions() =>
        Directory.Exists(PackageFolder)
            ? Directory.GetDirectories(PackageFolder).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray()
            : [];

    private string FeedPackage(string version) => Assert.Single(Directory.GetFiles(Path.Combine(PackageFolder, version), "*.nupkg"));

    private static byte[] Read(ZipArchive package, string entryName)
    {
        ZipArchiveEntry entry = package.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException(
            $"'{entryName}' is not in the package; it holds: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using Stream stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
