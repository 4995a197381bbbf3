using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests;

public sealed class PublishCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Feed => _temp.Combine("feed");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_ListTheVersion_When_PublishedThenVersionsAsked()
    {
        // Given a model package
        string package = TestPackages.Model(_temp.Path, "FlightDelay.Model", "1.0.0", 'a');

        // When it is published and the feed's versions are listed
        CliResult publish = Cli.Run("publish", package, "--feed", Feed);
        CliResult versions = Cli.Run("versions", "FlightDelay.Model", "--feed", Feed);

        // Then both succeed and the version is listed with its model's hash
        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.Contains("published: FlightDelay.Model 1.0.0", publish.Output);
        Assert.Equal(0, versions.ExitCode);
        Assert.Equal($"1.0.0  model_sha256 {TestPackages.Sha('a')}", versions.Output.Trim());
    }

    [Fact]
    public void Should_ExitOneWithMLOPS5001_When_TheVersionIsRepublishedWithADifferentModel()
    {
        // Given a feed holding FlightDelay.Model 1.0.0
        Assert.Equal(0, Cli.Run("publish", TestPackages.Model(_temp.Path, "FlightDelay.Model", "1.0.0", 'a'), "--feed", Feed).ExitCode);
        string other = TestPackages.Model(_temp.Path, "FlightDelay.Model", "1.0.0", 'b');

        // When another model is published under the same version
        CliResult result = Cli.Run("publish", other, "--feed", Feed);

        // Then it is refused with MLOPS5001 against the package file, and the feed keeps the first model
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("refused: FlightDelay.Model 1.0.0", result.Output);
        Assert.Contains($"{other}: error MLOPS5001: ", result.Error);
        Assert.Contains(TestPackages.Sha('a'), Cli.Run("versions", "FlightDelay.Model", "--feed", Feed).Output);
    }

    [Fact]
    public void Should_ExitZeroAndWriteNothing_When_TheSameModelIsRepublished()
    {
        // Given a feed holding FlightDelay.Model 1.0.0, and a new pack of the same model
        Assert.Equal(0, Cli.Run("publish", TestPackages.Model(_temp.Path, "FlightDelay.Model", "1.0.0", 'a'), "--feed", Feed).ExitCode);
        string repack = TestPackages.Model(_temp.Path, "FlightDelay.Model", "1.0.0", 'a');

        // When it is published again
        CliResult result = Cli.Run("publish", repack, "--feed", Feed);

        // Then it succeeds as a no-op
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already in the feed: FlightDelay.Model 1.0.0", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Should_KeepNuGetV3Layout_When_LibraryPackagesArePublished()
    {
        // Given the two library packages the build publishes (no lineage)
        string core = TestPackages.Library(_temp.Path, "MLOps.Core", "0.1.0");
        string runtime = TestPackages.Library(_temp.Path, "MLOps.Runtime", "0.1.0");

        // When both are published in one call to a feed folder that does not exist yet
        CliResult result = Cli.Run("publish", core, runtime, "--feed", Feed);

        // Then each gets one line and lands in <id>/<version>/ as restore expects
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        foreach (string id in new[] { "mlops.core", "mlops.runtime" })
        {
            Assert.True(File.Exists(Path.Combine(Feed, id, "0.1.0", $"{id}.0.1.0.nupkg")), $"{id} nupkg missing");
            Assert.True(File.Exists(Path.Combine(Feed, id, "0.1.0", $"{id}.0.1.0.nupkg.sha512")), $"{id} sha512 missing");
            Assert.True(File.Exists(Path.Combine(Feed, id, "0.1.0", $"{id}.nuspec")), $"{id} nuspec missing");
        }
    }

    [Fact]
    public void Should_PublishEveryMatch_When_AWildcardIsGiven()
    {
        // Given a folder with two packages
        string folder = Directory.CreateDirectory(_temp.Combine("out")).FullName;
        foreach (string id in new[] { "A.Model", "B.Model" })
            File.Move(TestPackages.Model(_temp.Path, id, "1.0.0", 'c'), Path.Combine(folder, $"{id}.1.0.0.nupkg"));

        // When the wildcard is passed unexpanded (as on Windows)
        CliResult result = Cli.Run("publish", Path.Combine(folder, "*.nupkg"), "--feed", Feed);

        // Then both are published
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("published: A.Model 1.0.0", result.Output);
        Assert.Contains("published: B.Model 1.0.0", result.Output);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS5002_When_ThePackageFileIsMissing()
    {
        // Given a path with no file
        string missing = _temp.Combine("Nope.1.0.0.nupkg");

        // When it is published
        CliResult result = Cli.Run("publish", missing, "--feed", Feed);

        // Then it is a usage error naming the file
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{missing}: error MLOPS5002: ", result.Error);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS5003_When_TheFileIsNotAPackage()
    {
        // Given a .nupkg that is not a zip
        string bogus = _temp.Combine("Bogus.1.0.0.nupkg");
        File.WriteAllText(bogus, "not a zip");

        // When it is published
        CliResult result = Cli.Run("publish", bogus, "--feed", Feed);

        // Then the check fails with MLOPS5003 and no stack trace
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{bogus}: error MLOPS5003: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
