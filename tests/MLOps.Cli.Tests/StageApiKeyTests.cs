using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

public sealed class StageApiKeyTests
{
    [Fact]
    public void Should_NeverPrintTheApiKey_When_AnHttpStageFails()
    {
        // Given a production stage on an HTTP feed that does not answer, with its key in an environment variable
        string variable = $"MLOPS_TEST_KEY_{Guid.NewGuid():N}";
        const string Secret = "s3cret-key-never-printed";
        using var repo = new ReleaseRepository($"""
            stages:
              - name: dev
                feed: feeds/dev
              - name: production
                feed: http://127.0.0.1:9/v3/index.json
                api-key-env: {variable}
            """);
        repo.WriteRelease("package: M.Model\nstages: {}\nhistory: []\n");
        repo.Publish("1.0.0", 'a');
        Environment.SetEnvironmentVariable(variable, Secret);
        try
        {
            // When the release, the stages and a promotion touch that feed
            CliResult[] results =
            [
                Cli.Run("release", "M", "-C", repo.Root),
                Cli.Run("stages", "M", "-C", repo.Root),
                Cli.Run("promote", "M", "1.0.0", "--to", "production", "--reason", "r", "-C", repo.Root),
            ];

            // Then each fails on the feed, and no output holds the key
            Assert.All(results, r => Assert.Contains("MLOPS5004", r.Error));
            Assert.All(results, r => Assert.DoesNotContain(Secret, r.Output + r.Error));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
