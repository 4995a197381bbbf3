using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

/// <summary>A production stage on the in-process NuGet v3 HTTP server, its key in an environment variable.</summary>
public sealed class StageApiKeyTests : IDisposable
{
    private const string Secret = "s3cret-key-never-printed";
    private readonly string _variable = $"MLOPS_TEST_KEY_{Guid.NewGuid():N}";
    private readonly ReleaseRepository _repo = new("placeholder: replaced below");
    private readonly NuGetTestServer _server;

    public StageApiKeyTests()
    {
        _server = NuGetTestServer.Start(Path.Combine(_repo.Root, "server"), Secret);
        File.WriteAllText(Path.Combine(_repo.Root, "stages.yaml"), $"""
            stages:
              - name: dev
                feed: feeds/dev
              - name: production
                feed: {_server.ServiceIndexUrl}
                api-key-env: {_variable}
                allow-insecure-connections: true
            """);
        _repo.WriteRelease("package: M.Model\nstages: {}\nhistory: []\n");
    }

    public void Dispose()
    {
        _server.Dispose();
        _repo.Dispose();
    }

    [Fact]
    public void Should_PromoteReleaseAndRollBackWithoutEverPrintingTheKey_When_ProductionIsAnHttpFeed()
    {
        // Given two versions in dev and the production key in the environment
        _repo.Publish("1.0.0", 'a');
        _repo.Publish("1.1.0", 'b');
        Environment.SetEnvironmentVariable(_variable, Secret);
        try
        {
            // When both are promoted and released, production rolled back and released, and its stages shown
            CliResult[] results =
            [
                Run("promote", "M", "1.0.0", "--to", "production", "--force", "--reason", "first"),
                Run("release", "M"),
                Run("promote", "M", "1.1.0", "--to", "production", "--force", "--reason", "second"),
                Run("release", "M"),
                Run("rollback", "M", "--stage", "production", "--reason", "worse"),
                Run("release", "M"),
                Run("stages", "M"),
            ];

            // Then every step succeeds, production serves 1.0.0 again (1.1.0 unlisted), and no output holds the key
            Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
            Assert.Contains("production: removed M.Model 1.1.0 (rolled back)", results[5].Output);
            Assert.Matches(@"production +1\.0\.0 +1\.0\.0 +ok", results[6].Output);
            Assert.All(results, r => Assert.DoesNotContain(Secret, r.Output + r.Error));
        }
        finally
        {
            Environment.SetEnvironmentVariable(_variable, null);
        }
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS5022_When_TheKeyVariableIsNotSet()
    {
        // Given production declared 1.0.0 on the HTTP feed and no key in the environment
        _repo.Publish("1.0.0", 'a');
        _repo.WriteRelease("package: M.Model\nstages:\n  production: 1.0.0\nhistory: []\n");

        // When released
        CliResult result = Run("release", "M");

        // Then it is a configuration error naming the variable
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error MLOPS5022: ", result.Error);
        Assert.Contains(_variable, result.Error);
    }

    private CliResult Run(params string[] args) => Cli.Run([.. args, "-C", _repo.Root]);
}
