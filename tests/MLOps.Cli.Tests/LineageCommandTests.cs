using System.Text.Json.Nodes;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests;

public sealed class LineageCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public LineageCommandTests()
    {
        foreach ((string version, char sha) in new[] { ("1.0.0", 'a'), ("1.1.0", 'b'), ("2.0.0-rc.1", 'c') })
            Assert.Equal(0, Cli.Run("publish", TestPackages.Model(_temp.Path, "FlightDelay.Model", version, sha), "--feed", Feed).ExitCode);
    }

    private string Feed => _temp.Combine("feed");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_PrintTheLatestStableLineage_When_NoVersionIsGiven()
    {
        // Given 1.0.0, 1.1.0 and 2.0.0-rc.1 in the feed
        // When the lineage is asked for without a version
        CliResult result = Cli.Run("lineage", "FlightDelay.Model", "--feed", Feed);

        // Then it is 1.1.0's, as JSON
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestPackages.Sha('b'), JsonNode.Parse(result.Output)!["model_sha256"]!.GetValue<string>());
    }

    [Fact]
    public void Should_PrintThatVersionsLineage_When_AVersionIsGiven()
    {
        // Given the same feed
        // When a pre-release is asked for explicitly
        CliResult result = Cli.Run("lineage", "FlightDelay.Model", "--version", "2.0.0-rc.1", "--feed", Feed);

        // Then its lineage is printed
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestPackages.Sha('c'), JsonNode.Parse(result.Output)!["model_sha256"]!.GetValue<string>());
    }

    [Fact]
    public void Should_ExitTwoListingTheVersions_When_TheVersionIsNotInTheFeed()
    {
        // Given the same feed
        // When a version it does not hold is asked for
        CliResult result = Cli.Run("lineage", "FlightDelay.Model", "--version", "9.0.0", "--feed", Feed);

        // Then it is a usage error that says which versions exist
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("1.0.0, 1.1.0, 2.0.0-rc.1", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS0030_When_ThePackageIsNotInTheFeed()
    {
        // Given the same feed
        // When the lineage of a package it does not hold is asked for
        CliResult result = Cli.Run("lineage", "No.Such.Model", "--feed", Feed);

        // Then it is a usage error that lists the packages the feed holds
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS0030: ", result.Error);
        Assert.Contains("The feed holds: flightdelay.model.", result.Error);
    }

    [Fact]
    public void Should_ExitTwo_When_TheVersionIsNotAVersion()
    {
        // Given the same feed
        // When --version is not a version
        CliResult result = Cli.Run("lineage", "FlightDelay.Model", "--version", "one", "--feed", Feed);

        // Then the argument is rejected before the feed is read
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'one' is not a valid package version", result.Error);
    }

    [Fact]
    public void Should_ExitTwo_When_ThePackageIsALibrary()
    {
        // Given a library package (no lineage) in the feed
        Assert.Equal(0, Cli.Run("publish", TestPackages.Library(_temp.Path, "MLOps.Core", "0.1.0"), "--feed", Feed).ExitCode);

        // When its lineage is asked for
        CliResult result = Cli.Run("lineage", "MLOps.Core", "--feed", Feed);

        // Then the user is told it has none
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("has no lineage", result.Error);
    }
}
