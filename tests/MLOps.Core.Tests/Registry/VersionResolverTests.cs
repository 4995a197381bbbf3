using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Registry;

public sealed class VersionResolverTests
{
    private const string ShaA = "aaaa";
    private const string ShaB = "bbbb";
    private readonly DiagnosticBag _bag = new();

    private static NuGetVersion[] Versions(params string[] versions) => [.. versions.Select(NuGetVersion.Parse)];

    [Fact]
    public void Should_be_1_0_0_When_nothing_is_published()
    {
        // Given an empty feed
        // When a version is resolved
        NuGetVersion? version = VersionResolver.Resolve([], latestModelSha256: null, ShaA, requested: null, _bag);

        // Then it is 1.0.0
        Assert.Empty(_bag);
        Assert.Equal(new NuGetVersion(1, 0, 0), version);
    }

    [Fact]
    public void Should_keep_the_latest_version_When_it_holds_the_same_model()
    {
        // Given 1.0.0 and 1.0.1 published, 1.0.1 holding this model
        // When a version is resolved
        NuGetVersion? version = VersionResolver.Resolve(Versions("1.0.0", "1.0.1"), ShaA, ShaA.ToUpperInvariant(), null, _bag);

        // Then it is 1.0.1 again: nothing new to publish
        Assert.Empty(_bag);
        Assert.Equal(new NuGetVersion(1, 0, 1), version);
    }

    [Fact]
    public void Should_bump_the_patch_When_the_model_changed()
    {
        // Given 1.2.3 published with another model
        // When a version is resolved
        NuGetVersion? version = VersionResolver.Resolve(Versions("1.0.0", "1.2.3"), ShaA, ShaB, null, _bag);

        // Then it is 1.2.4
        Assert.Empty(_bag);
        Assert.Equal(new NuGetVersion(1, 2, 4), version);
    }

    [Fact]
    public void Should_ignore_prereleases_When_picking_the_latest()
    {
        // Given 1.0.0 and the later pre-release 1.1.0-rc.1 published
        // When the latest is picked and a version resolved for a changed model
        NuGetVersion? latest = VersionResolver.LatestStable(Versions("1.0.0", "1.1.0-rc.1"));
        NuGetVersion? version = VersionResolver.Resolve(Versions("1.0.0", "1.1.0-rc.1"), ShaA, ShaB, null, _bag);

        // Then the pre-release plays no part
        Assert.Equal(new NuGetVersion(1, 0, 0), latest);
        Assert.Equal(new NuGetVersion(1, 0, 1), version);
    }

    [Fact]
    public void Should_use_the_requested_version_When_it_is_valid_and_not_lower()
    {
        // Given 1.0.0 published with the same model
        // When 2.0.0-rc.1 is requested
        NuGetVersion? version = VersionResolver.Resolve(Versions("1.0.0"), ShaA, ShaA, "2.0.0-rc.1", _bag);

        // Then the request wins
        Assert.Empty(_bag);
        Assert.Equal(NuGetVersion.Parse("2.0.0-rc.1"), version);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    public void Should_report_MLOPS4001_When_the_requested_version_is_not_SemVer(string requested)
    {
        // Given a requested version that is not SemVer 2.0
        // When a version is resolved
        NuGetVersion? version = VersionResolver.Resolve([], null, ShaA, requested, _bag);

        // Then MLOPS4001 is reported
        Assert.Null(version);
        Assert.Equal("MLOPS4001", Assert.Single(_bag).Code);
    }

    [Fact]
    public void Should_report_MLOPS4002_When_the_requested_version_is_below_the_latest()
    {
        // Given 1.2.0 published
        // When 1.1.9 is requested
        NuGetVersion? version = VersionResolver.Resolve(Versions("1.2.0"), ShaA, ShaB, "1.1.9", _bag);

        // Then MLOPS4002 is reported, pointing at the next allowed version
        Assert.Null(version);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal("MLOPS4002", error.Code);
        Assert.Contains("1.2.1", error.Message, StringComparison.Ordinal);
    }
}
