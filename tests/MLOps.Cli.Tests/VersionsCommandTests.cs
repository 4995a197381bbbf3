using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests;

public sealed class VersionsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Feed => _temp.Combine("feed");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_ListNewestLast_When_SeveralVersionsArePublished()
    {
        // Given versions published out of order, one a pre-release and one a library-style package
        foreach ((string version, char sha) in new[] { ("1.10.0", 'd'), ("1.2.0", 'b'), ("2.0.0-rc.1", 'e'), ("1.0.0", 'a') })
            Assert.Equal(0, Cli.Run("publish", TestPackages.Model(_temp.Path, "M", version, sha), "--feed", Feed).ExitCode);

        // When the versions are listed
        CliResult result = Cli.Run("versions", "M", "--feed", Feed);

        // Then they come in SemVer order, newest last, each with its model hash
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] expected =
        [
            $"1.0.0  model_sha256 {TestPackages.Sha('a')}",
            $"1.2.0  model_sha256 {TestPackages.Sha('b')}",
            $"1.10.0  model_sha256 {TestPackages.Sha('d')}",
            $"2.0.0-rc.1  model_sha256 {TestPackages.Sha('e')}",
        ];
        Assert.Equal(expected, result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_ListVersionsWithoutHash_When_ThePackageIsALibrary()
    {
        // Given a library package (no lineage) in the feed
        Assert.Equal(0, Cli.Run("publish", TestPackages.Library(_temp.Path, "MLOps.Core", "0.1.0"), "--feed", Feed).ExitCode);

        // When its versions are listed
        CliResult result = Cli.Run("versions", "MLOps.Core", "--feed", Feed);

        // Then the line is the bare version
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0.1.0", result.Output.Trim());
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS0030NamingTheFeed_When_ThePackageIsNotInTheFeed()
    {
        // Given a feed that holds one package, M
        Assert.Equal(0, Cli.Run("publish", TestPackages.Model(_temp.Path, "M", "1.0.0", 'a'), "--feed", Feed).ExitCode);

        // When the versions of a package it does not hold are listed
        CliResult result = Cli.Run("versions", "No.Such.Model", "--feed", Feed);

        // Then it is a usage error that names the feed and lists what it holds
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error MLOPS0030: package 'No.Such.Model' is not in feed '{Feed}'.", result.Error);
        Assert.Contains("The feed holds: m.", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS5004_When_TheFeedFolderDoesNotExist()
    {
        // Given a feed folder that was never created
        string missing = _temp.Combine("no-feed");

        // When its versions are listed
        CliResult result = Cli.Run("versions", "M", "--feed", missing);

        // Then it is a configuration error, and reading did not create the folder
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS5004: ", result.Error);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS5004_When_AnHttpFeedIsUnreachable()
    {
        // Given an HTTP feed on a port nothing listens on
        const string feed = "http://127.0.0.1:9/v3/index.json";

        // When its versions are listed
        CliResult result = Cli.Run("versions", "M", "--feed", feed);

        // Then it is a configuration error, reported without a stack trace
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS5004: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
