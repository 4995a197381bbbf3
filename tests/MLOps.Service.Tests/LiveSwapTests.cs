using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using MLOps.Service.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Service.Tests;

/// <summary>A newer version published to the feed while clients call: served without a restart, no call failing; a tampered one refused.</summary>
[Collection(ServiceCollection.Name)]
public sealed class LiveSwapTests(ServiceFixture service, ITestOutputHelper log)
{
    private HttpClient Http => service.Api.Http;

    [Fact]
    public async Task Should_serve_the_newer_version_without_a_restart_or_a_failed_call_When_it_is_published_into_the_feed()
    {
        // Given the service serving A, and four clients calling /predict in loops
        Assert.Equal(ServiceFixture.VersionA, await Http.ModelVersionAsync());
        JsonObject before = await Http.GetJsonAsync("/model");
        var answers = new ConcurrentQueue<(int Status, string? Version)>();
        using var stop = new CancellationTokenSource();
        Task[] clients = [.. Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                (int status, JsonObject body) = await Http.PostAsync("/predict", ApiCalls.Flight);
                answers.Enqueue((status, (string?)body["version"]));
            }
        }))];
        while (answers.Count < 200)
        {
            await Task.Delay(20);
        }

        // When B (other trainer parameters, so another model file) is published into the feed the service polls
        service.PublishVersionB();

        // Then /model reports B within the poll interval and a load, the same process still answering
        var clock = Stopwatch.StartNew();
        while (await Http.ModelVersionAsync() != ServiceFixture.VersionB)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"/model still reports {await Http.ModelVersionAsync()} after 60 s:\n{service.Api.Output}");
            await Task.Delay(200);
        }
        while (answers.Count(a => a.Version == ServiceFixture.VersionB) < 200)
        {
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        Assert.False(service.Api.HasExited);

        // and every call succeeded, answered by A until the swap and by B after it
        log.WriteLine($"{answers.Count} calls: {answers.Count(a => a.Version == ServiceFixture.VersionA)} by A, {answers.Count(a => a.Version == ServiceFixture.VersionB)} by B");
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal([ServiceFixture.VersionA, ServiceFixture.VersionB], answers.Select(a => a.Version).Distinct());
        JsonObject after = await Http.GetJsonAsync("/model");
        Assert.NotEqual((string)before["model_sha256"]!, (string)after["model_sha256"]!);

        // and /metrics carries B's version label
        string metrics = await Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches($@"(?m)^mlops_predictions_total\{{[^}}]*model_version=""{ServiceFixture.VersionB}""", metrics);
        Assert.Matches($@"(?m)^mlops_model_info\{{[^}}]*model_version=""{ServiceFixture.VersionB}""", metrics);

        // and a reload on demand finds nothing newer
        (int unchangedStatus, JsonObject unchanged) = await Http.PostAsync("/model/reload", "");
        Assert.Equal((200, "unchanged", ServiceFixture.VersionB), (unchangedStatus, (string)unchanged["outcome"]!, (string)unchanged["version"]!));

        // When a still newer version whose model.zip was changed after packing appears in the feed
        PackageCopy.Write(service.PackageFile(ServiceFixture.VersionB), service.PackageFile("1.0.2"), "1.0.2", tamper: true);
        (int status, JsonObject refused) = await Http.PostAsync("/model/reload", "");

        // Then it is refused with MLOPS6002, and B keeps serving and says why
        Assert.Equal(409, status);
        Assert.Equal("MLOPS6002", (string)refused["code"]!);
        JsonObject model = await Http.GetJsonAsync("/model");
        Assert.Equal(ServiceFixture.VersionB, (string)model["version"]!);
        Assert.Equal("MLOPS6002", (string)model["last_reload_failure"]!["code"]!);
        Assert.Equal(200, (await Http.PostAsync("/predict", ApiCalls.Flight)).Status);
    }
}
