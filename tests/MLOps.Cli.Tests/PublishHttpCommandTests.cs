using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests;

/// <summary>mlops publish to an HTTP feed (the in-process NuGet v3 test server), the key read from an environment variable.</summary>
public sealed class PublishHttpCommandTests : IDisposable
{
    private const string ServerKey = "server-key-4c1f7a2d9e";
    private readonly TempFolder _temp = new();
    private readonly NuGetTestServer _server;
    // One variable per test instance: tests run in parallel in one process.
    private readonly string _variable = $"MLOPS_TEST_KEY_{Guid.NewGuid():N}";

    public PublishHttpCommandTests() => _server = NuGetTestServer.Start(_temp.Combine("server"), ServerKey);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        _server.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Should_publish_with_the_key_from_the_variable_When_the_feed_is_http()
    {
        // Given the server's key in an environment variable
        Environment.SetEnvironmentVariable(_variable, ServerKey);
        string package = TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a');

        // When the model is published naming that variable
        CliResult result = Cli.Run("publish", package, "--feed", _server.ServiceIndexUrl, "--api-key-env", _variable, "--allow-insecure-connections");

        // Then it is pushed with that key, and the key is not printed
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("published: Flight.Model 1.0.0", result.Output);
        Assert.Contains(_server.Requests, r => r.Method == "PUT" && r.StatusCode == 201 && r.Header("X-NuGet-ApiKey") == ServerKey);
        Assert.DoesNotContain(ServerKey, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_fail_and_never_print_the_key_When_the_key_is_wrong()
    {
        // Given a wrong key in the variable
        const string wrongKey = "wrong-key-8e2b6f0c13";
        Environment.SetEnvironmentVariable(_variable, wrongKey);
        string package = TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a');

        // When the model is published
        CliResult result = Cli.Run("publish", package, "--feed", _server.ServiceIndexUrl, "--api-key-env", _variable, "--allow-insecure-connections");

        // Then the server refused it (403), the push failed with MLOPS5005, and no output holds the key
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS5005: ", result.Error);
        Assert.Contains(_server.Requests, r => r.Method == "PUT" && r.StatusCode == 403 && r.Header("X-NuGet-ApiKey") == wrongKey);
        Assert.DoesNotContain(wrongKey, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_two_with_MLOPS5008_When_the_named_variable_is_not_set()
    {
        // Given a variable name that is not set
        string package = TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a');

        // When the model is published naming it
        CliResult result = Cli.Run("publish", package, "--feed", _server.ServiceIndexUrl, "--api-key-env", _variable, "--allow-insecure-connections");

        // Then it is a usage error naming the variable, and nothing was sent
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error MLOPS5008: The environment variable '{_variable}'", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Should_exit_two_with_MLOPS5007_When_http_is_not_allowed()
    {
        // Given the right key
        Environment.SetEnvironmentVariable(_variable, ServerKey);
        string package = TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a');

        // When the model is published to the plain-http feed without --allow-insecure-connections
        CliResult result = Cli.Run("publish", package, "--feed", _server.ServiceIndexUrl, "--api-key-env", _variable);

        // Then nothing carrying the key was sent
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS5007: ", result.Error);
        Assert.DoesNotContain(_server.Requests, r => r.Method == "PUT");
    }
}
