using MLOps.Tests.Infrastructure;
using MLOps.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class HttpPublishTests(ITestOutputHelper log) : IDisposable
{
    private const string ApiKey = "mlops-secret-key-7f3a9c";
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_push_with_the_key_from_the_named_variable_and_never_log_it_When_publishing_to_an_HTTP_feed()
    {
        // Given an HTTP NuGet v3 feed that requires an API key, held in an environment variable
        using var server = NuGetTestServer.Start(Path.Combine(_project.Root, "http-feed"), ApiKey);
        var environment = new Dictionary<string, string> { ["MODELS_FEED_KEY"] = ApiKey };

        // When the model is published there with MLOpsFeedApiKeyEnv naming that variable, at the most verbose log level
        DotNetResult publish = _project.PublishIn(environment, $"-p:MLOpsFeed={server.ServiceIndexUrl}",
            "-p:MLOpsFeedApiKeyEnv=MODELS_FEED_KEY", "-p:MLOpsFeedAllowInsecureConnections=true", "-v:diag");

        // Then the feed holds 1.0.0, the push carried the key, and no output shows it
        Assert.True(publish.Succeeded, publish.ToString());
        Assert.Equal([("1.0.0", true)], server.Versions("Demo.Model"));
        Assert.Contains(server.Requests, r => r.Method == "PUT" && r.Header("X-NuGet-ApiKey") == ApiKey);
        Assert.DoesNotContain(ApiKey, publish.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_stop_with_MLOPS5008_When_the_named_key_variable_is_not_set()
    {
        // Given an HTTP feed and a key variable that the environment does not set
        using var server = NuGetTestServer.Start(Path.Combine(_project.Root, "http-feed"), ApiKey);

        // When the model is published
        DotNetResult publish = _project.Publish($"-p:MLOpsFeed={server.ServiceIndexUrl}", "-p:MLOpsFeedApiKeyEnv=MLOPS_TEST_UNSET_KEY",
            "-p:MLOpsFeedAllowInsecureConnections=true");

        // Then it fails naming the variable, and nothing was pushed
        Assert.False(publish.Succeeded);
        Assert.Contains("MLOPS5008", publish.Output);
        Assert.Contains("MLOPS_TEST_UNSET_KEY", publish.Output);
        Assert.DoesNotContain(server.Requests, r => r.Method == "PUT");
    }
}
