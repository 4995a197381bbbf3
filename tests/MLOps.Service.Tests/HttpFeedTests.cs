using System.Diagnostics;
using System.Text.Json.Nodes;
using MLOps.Service.Tests.Infrastructure;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Service.Tests;

[Collection(ServiceCollection.Name)]
public sealed class HttpFeedTests(ServiceFixture service)
{
    [Fact]
    public async Task Should_serve_the_newer_version_When_Model_Feed_is_an_HTTP_NuGet_v3_feed()
    {
        // Given an HTTP NuGet v3 feed holding FlightDelay.Model 1.0.0 (A) and 1.0.1 (B)
        using var feed = NuGetTestServer.Start(Path.Combine(service.Root, $"http-feed-{Guid.NewGuid():N}"));
        Assert.True(feed.Add(service.PackedFile(ServiceFixture.VersionA)));
        Assert.True(feed.Add(service.PackedFile(ServiceFixture.VersionB)));

        // When a service whose package brought A starts with Model:Feed at the feed's service index
        using ApiProcess api = ApiProcess.Start(service.OutputDirectory, $"--Model:Feed={feed.ServiceIndexUrl}", "--Model:PollSeconds=1",
            $"--Model:CacheDirectory={Path.Combine(service.Root, $"http-cache-{Guid.NewGuid():N}")}");
        await api.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        // Then within seconds it serves B, downloaded from the feed, and answers with it
        var clock = Stopwatch.StartNew();
        JsonObject model;
        while ((string?)(model = await api.Http.GetJsonAsync("/model"))["version"] != ServiceFixture.VersionB)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"still {(string?)model["version"]} after 30 s:\n{api.Output}");
            await Task.Delay(200);
        }
        Assert.Equal(feed.ServiceIndexUrl, (string)model["source"]!);
        (int status, JsonObject answer) = await api.Http.PostAsync("/predict", ApiCalls.Flight);
        Assert.Equal((200, ServiceFixture.VersionB), (status, (string)answer["version"]!));
    }
}
