using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;

namespace MLOps.Runtime.Tests;

[Collection(TrainedModelsCollection.Name)]
public sealed class FeedSourceTests(TrainedModels models)
{
    [Fact]
    public async Task Should_swap_to_the_highest_stable_version_When_a_newer_package_is_published_to_the_feed()
    {
        // Given a service on A (FlightDelay.Model 1.0.0) polling a folder feed that holds 1.0.0 and a 1.0.3 prerelease
        using var dir = new TempFolder("mlops-runtime-feed");
        FeedPackages.Model(dir.Feed, models.A, "1.0.0");
        FeedPackages.Model(dir.Feed, models.A, "1.0.3-beta.1");
        var interval = TimeSpan.FromMilliseconds(300);
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = TrainedModels.Name,
            Directory = models.A,
            Source = ModelSources.Feed(dir.Feed, TrainedModels.PackageId, cacheDirectory: dir.Combine("cache")),
            PollInterval = interval,
        });
        var swapped = new TaskCompletionSource<ModelInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        service.Swapped += (_, now) => swapped.TrySetResult(now);
        await Task.Delay(3 * interval);
        Assert.Equal("1.0.0", service.Current.Version);

        // When B is packed and published as 1.0.1
        var clock = System.Diagnostics.Stopwatch.StartNew();
        FeedPackages.Model(dir.Feed, models.B, "1.0.1");

        // Then the service serves it within the interval plus the download and load, from the feed, named by the package
        ModelInfo now = await swapped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(clock.Elapsed < 2 * interval + TimeSpan.FromSeconds(3), $"swapped after {clock.Elapsed}");
        Assert.Equal((TrainedModels.PackageId, "1.0.1", dir.Feed), (now.PackageId, now.Version, now.Source));
        Assert.Equal(TrainedModels.LineageOf(models.B).ModelSha256, service.Predict(models.Rows[0]).Model.ModelSha256);
        Assert.True(File.Exists(dir.Combine("cache", "flightdelay.model", "1.0.1", TrainedModels.Name, ModelFiles.ModelFile)));
        Assert.Null(service.LastFailure);
    }

    [Fact]
    public async Task Should_keep_serving_and_report_MLOPS6002_When_the_package_carries_a_tampered_model()
    {
        // Given a feed whose 1.0.1 package holds B's model with one byte changed after its lineage was written
        using var dir = new TempFolder("mlops-runtime-feed");
        FeedPackages.Model(dir.Feed, models.B, "1.0.1", tamper: m => [.. m[..^1], (byte)(m[^1] ^ 0xFF)]);
        await using var service = Serve(dir);

        // When it reloads, Then the package is refused for its model's hash and A serves on
        ReloadResult result = await service.ReloadAsync();
        Assert.Equal((ReloadOutcome.Failed, RuntimeCodes.ModelHashMismatch), (result.Outcome, result.Code));
        Assert.Equal("1.0.0", service.Predict(models.Rows[0]).Model.Version);
    }

    [Fact]
    public async Task Should_report_MLOPS6006_When_the_package_has_no_model_content()
    {
        // Given a 1.0.1 package with only a readme (a library, or another model's package)
        using var dir = new TempFolder("mlops-runtime-feed");
        FeedPackages.Pack(dir.Feed, TrainedModels.PackageId, "1.0.1", new() { ["contentFiles/any/any/mlops/Churn/model.zip"] = [1, 2, 3] });
        await using var service = Serve(dir);

        ReloadResult result = await service.ReloadAsync();

        Assert.Equal((ReloadOutcome.Failed, RuntimeCodes.PackageWithoutModel), (result.Outcome, result.Code));
        Assert.Contains("Churn", result.Message, StringComparison.Ordinal);
        Assert.Equal("1.0.0", service.Current.Version);
    }

    [Fact]
    public async Task Should_swap_to_the_new_version_When_it_is_published_to_an_http_v3_feed()
    {
        // Given an HTTP NuGet v3 feed (in-process, 127.0.0.1) holding B as FlightDelay.Model 1.0.1, and a service on A
        using var dir = new TempFolder("mlops-runtime-feed");
        string packed = FeedPackages.Model(dir.Combine("packs"), models.B, "1.0.1");
        string stored = Directory.CreateDirectory(dir.Combine("server", "flightdelay.model", "1.0.1")).FullName;
        File.Copy(packed, Path.Combine(stored, "flightdelay.model.1.0.1.nupkg"));
        using var server = NuGetTestServer.Start(dir.Combine("server"));
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = TrainedModels.Name,
            Directory = models.A,
            Source = ModelSources.Feed(server.ServiceIndexUrl, TrainedModels.PackageId, cacheDirectory: dir.Combine("cache")),
        });

        // When it reloads
        ReloadResult result = await service.ReloadAsync();

        // Then it downloaded, checked and serves 1.0.1, and says it came from that feed
        Assert.True(result.Outcome == ReloadOutcome.Swapped, result.Message);
        Assert.Equal((TrainedModels.PackageId, "1.0.1", server.ServiceIndexUrl), (service.Current.PackageId, service.Current.Version, service.Current.Source));
        Assert.Equal(TrainedModels.LineageOf(models.B).ModelSha256, service.Predict(models.Rows[0]).Model.ModelSha256);
    }

    [Fact]
    public void Should_refuse_with_MLOPS6007_When_a_downloaded_package_is_cut_short()
    {
        // Given the bytes of a real model package, cut in half (an interrupted transfer)
        using var dir = new TempFolder("mlops-runtime-feed");
        byte[] nupkg = File.ReadAllBytes(FeedPackages.Model(dir.Combine("packs"), models.B, "1.0.1"));
        using var cut = new MemoryStream(nupkg[..(nupkg.Length / 2)]);

        // When it is checked for extraction, Then it is refused as a bad package and nothing is extracted
        var e = Assert.Throws<ModelLoadException>(() => PackageContent.Extract(cut, TrainedModels.PackageId, NuGet.Versioning.NuGetVersion.Parse("1.0.1"), TrainedModels.Name, dir.Combine("out"), "the package"));
        Assert.Equal(RuntimeCodes.PackageInvalid, e.Code);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public void Should_refuse_with_MLOPS6007_When_the_feed_served_another_version_than_the_one_asked_for()
    {
        // Given the 1.0.2 package served where 1.0.1 was asked for (NuGet's folder feeds check this themselves; an HTTP feed may not)
        using var dir = new TempFolder("mlops-runtime-feed");
        using var other = File.OpenRead(FeedPackages.Model(dir.Combine("packs"), models.B, "1.0.2"));

        var e = Assert.Throws<ModelLoadException>(() => PackageContent.Extract(other, TrainedModels.PackageId, NuGet.Versioning.NuGetVersion.Parse("1.0.1"), TrainedModels.Name, dir.Combine("out"), "the package"));
        Assert.Equal(RuntimeCodes.PackageInvalid, e.Code);
        Assert.Contains("1.0.2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_MLOPS6005_When_the_feed_cannot_be_reached()
    {
        // Given a feed URL nothing listens on
        using var dir = new TempFolder("mlops-runtime-feed");
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = TrainedModels.Name,
            Directory = models.A,
            Source = ModelSources.Feed("http://127.0.0.1:9/v3/index.json", TrainedModels.PackageId, cacheDirectory: dir.Combine("cache")),
        });

        ReloadResult result = await service.ReloadAsync();

        Assert.Equal((ReloadOutcome.Failed, RuntimeCodes.SourceUnreachable), (result.Outcome, result.Code));
        Assert.Equal("1.0.0", service.Predict(models.Rows[0]).Model.Version);
    }

    private ModelService<FlightInput, FlightPrediction> Serve(TempFolder dir) => ModelService<FlightInput, FlightPrediction>.Start(new()
    {
        ModelName = TrainedModels.Name,
        Directory = models.A,
        Source = ModelSources.Feed(dir.Feed, TrainedModels.PackageId, cacheDirectory: dir.Combine("cache")),
    });
}
