using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using MLOps.Core.Tests.Versioning;
using MLOps.Core.Versioning;
using NuGet.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Registry;

public sealed class VersionResolverTests
{
    private const string ShaA = "aaaa";
    private const string ShaB = "bbbb";
    private readonly DiagnosticBag _bag = new();

    private static readonly ModelContract Flights = ContractDiffTests.Flights;

    private static NuGetVersion[] Versions(params string[] versions) => [.. versions.Select(NuGetVersion.Parse)];

    /// <summary>A feed holding <paramref name="versions"/>, whose latest stable one holds model ShaA with the Flights contract.</summary>
    private static VersionRequest Request(string[] versions, string sha, ModelContract? contract = null, ModelContract? latestContract = null, bool latestHasContract = true) =>
        new(Versions(versions),
            VersionResolver.LatestStable(Versions(versions)) is { } latest ? new PublishedModel(latest, ShaA, latestHasContract ? latestContract ?? Flights : null) : null,
            sha, contract ?? Flights);

    private ResolvedVersion Resolve(VersionRequest request)
    {
        ResolvedVersion? resolved = VersionResolver.Resolve(request, _bag);
        Assert.Empty(_bag);
        return resolved!;
    }

    [Fact]
    public void Should_be_1_0_0_When_nothing_is_published()
    {
        // Given an empty feed
        // When a version is resolved
        ResolvedVersion resolved = Resolve(Request([], ShaA));

        // Then it is 1.0.0, the first
        Assert.Equal(new NuGetVersion(1, 0, 0), resolved.Version);
        Assert.Equal("first", resolved.Decision.Change);
        Assert.Null(resolved.Decision.Previous);
    }

    [Fact]
    public void Should_keep_the_latest_version_When_it_holds_the_same_model()
    {
        // Given 1.0.0 and 1.0.1 published, 1.0.1 holding this model
        // When a version is resolved
        ResolvedVersion resolved = Resolve(Request(["1.0.0", "1.0.1"], ShaA.ToUpperInvariant()));

        // Then it is 1.0.1 again: nothing new to publish
        Assert.Equal(new NuGetVersion(1, 0, 1), resolved.Version);
        Assert.Equal("same", resolved.Decision.Change);
    }

    [Fact]
    public void Should_bump_the_patch_When_the_model_changed_with_the_same_contract()
    {
        // Given 1.2.3 published with another model and the same contract
        // When a version is resolved
        ResolvedVersion resolved = Resolve(Request(["1.0.0", "1.2.3"], ShaB));

        // Then it is 1.2.4, a patch
        Assert.Equal(new NuGetVersion(1, 2, 4), resolved.Version);
        Assert.Equal("patch", resolved.Decision.Change);
        Assert.Equal("FlightDelay.Model 1.2.4 (patch: retrained with the same contract; previous 1.2.3)", resolved.Describe("FlightDelay.Model"));
    }

    [Fact]
    public void Should_bump_the_minor_and_say_why_When_an_optional_input_is_added()
    {
        // Given 1.0.3 published, and this model reads a new nullable column
        ModelContract withCarrier = Flights with { Inputs = [.. Flights.Inputs, new ContractInput("Carrier", "carrier", "string", Required: false)] };

        // When a version is resolved
        ResolvedVersion resolved = Resolve(Request(["1.0.3"], ShaB, withCarrier));

        // Then it is 1.1.0, and the decision names the input
        Assert.Equal(new NuGetVersion(1, 1, 0), resolved.Version);
        Assert.Equal("FlightDelay.Model 1.1.0 (minor: new optional input 'Carrier'; previous 1.0.3)", resolved.Describe("FlightDelay.Model"));
        Assert.Equal(["new optional input 'Carrier'"], resolved.Decision.Changes);
    }

    [Fact]
    public void Should_bump_the_major_When_an_input_is_removed()
    {
        // Given 1.4.2 published, and this model no longer reads Distance
        ModelContract withoutDistance = Flights with { Inputs = [.. Flights.Inputs.Where(i => i.Name != "Distance")] };

        // When a version is resolved
        ResolvedVersion resolved = Resolve(Request(["1.4.2"], ShaB, withoutDistance));

        // Then it is 2.0.0
        Assert.Equal(new NuGetVersion(2, 0, 0), resolved.Version);
        Assert.Equal("major", resolved.Decision.Change);
        Assert.Equal(["input 'Distance' removed"], resolved.Decision.Changes);
    }

    [Fact]
    public void Should_bump_the_major_with_a_reason_When_the_latest_has_no_contract()
    {
        // Given 1.0.0 packed before contracts existed
        // When a version is resolved
        ResolvedVersion resolved = Resolve(Request(["1.0.0"], ShaB, latestHasContract: false));

        // Then it is 2.0.0, saying why
        Assert.Equal(new NuGetVersion(2, 0, 0), resolved.Version);
        Assert.Equal("1.0.0 has no contract.json to compare with", resolved.Decision.Reason);
    }

    [Fact]
    public void Should_ignore_prereleases_When_picking_the_latest()
    {
        // Given 1.0.0 and the later pre-release 1.1.0-rc.1 published
        // When the latest is picked and a version resolved for a changed model
        NuGetVersion? latest = VersionResolver.LatestStable(Versions("1.0.0", "1.1.0-rc.1"));
        ResolvedVersion resolved = Resolve(Request(["1.0.0", "1.1.0-rc.1"], ShaB));

        // Then the pre-release plays no part
        Assert.Equal(new NuGetVersion(1, 0, 0), latest);
        Assert.Equal(new NuGetVersion(1, 0, 1), resolved.Version);
    }

    [Fact]
    public void Should_number_the_prerelease_after_the_highest_of_its_base_and_label_When_a_label_is_given()
    {
        // Given 1.0.0 and pre-releases of 1.0.1 for two labels, with other models
        string[] published = ["1.0.0", "1.0.1-local.1", "1.0.1-local.2", "1.0.1-feature-x.7", "1.0.2-local.9"];
        VersionRequest request = Request(published, ShaB) with { Prerelease = new PrereleaseLabel("local", "built outside CI"), ModelSha256Of = _ => "cccc" };

        // When a version is resolved
        ResolvedVersion resolved = Resolve(request);

        // Then it is the next local pre-release of 1.0.1, and the decision says why it is a pre-release
        Assert.Equal(NuGetVersion.Parse("1.0.1-local.3"), resolved.Version);
        Assert.Equal("patch", resolved.Decision.Change);
        Assert.Equal("built outside CI", resolved.Decision.Prerelease);
    }

    [Fact]
    public void Should_reuse_the_prerelease_When_it_already_holds_this_model()
    {
        // Given 1.0.1-local.1 holding this model and 1.0.1-local.2 another
        string[] published = ["1.0.0", "1.0.1-local.1", "1.0.1-local.2"];
        VersionRequest request = Request(published, ShaB) with
        {
            Prerelease = new PrereleaseLabel("local", "built outside CI"),
            ModelSha256Of = v => v.ToNormalizedString() == "1.0.1-local.1" ? ShaB : "cccc",
        };

        // When a version is resolved
        ResolvedVersion resolved = Resolve(request);

        // Then it is that pre-release again: nothing to publish
        Assert.Equal(NuGetVersion.Parse("1.0.1-local.1"), resolved.Version);
        Assert.Equal("same", resolved.Decision.Change);
    }

    [Fact]
    public void Should_start_at_1_0_0_local_1_When_the_feed_is_empty_and_the_build_is_local()
    {
        // Given an empty feed and a local build
        // When a version is resolved
        ResolvedVersion resolved = Resolve(Request([], ShaA) with { Prerelease = new PrereleaseLabel("local", "built outside CI") });

        // Then it is the first pre-release of 1.0.0
        Assert.Equal(NuGetVersion.Parse("1.0.0-local.1"), resolved.Version);
    }

    [Fact]
    public void Should_use_the_requested_version_When_it_is_valid_and_not_lower()
    {
        // Given 1.0.0 published with the same model
        // When 2.0.0-rc.1 is requested
        ResolvedVersion resolved = Resolve(Request(["1.0.0"], ShaA) with { Requested = "2.0.0-rc.1" });

        // Then the request wins
        Assert.Equal(NuGetVersion.Parse("2.0.0-rc.1"), resolved.Version);
        Assert.Equal("requested", resolved.Decision.Change);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    public void Should_report_MLOPS4001_When_the_requested_version_is_not_semver(string requested)
    {
        // Given an empty feed
        // When an invalid version is requested
        ResolvedVersion? resolved = VersionResolver.Resolve(Request([], ShaA) with { Requested = requested }, _bag);

        // Then it is refused with MLOPS4001
        Assert.Null(resolved);
        Assert.Equal("MLOPS4001", Assert.Single(_bag).Code);
    }

    [Fact]
    public void Should_report_MLOPS4002_When_the_requested_version_is_below_the_latest()
    {
        // Given 1.2.0 published
        // When 1.1.9 is requested
        ResolvedVersion? resolved = VersionResolver.Resolve(Request(["1.2.0"], ShaB) with { Requested = "1.1.9" }, _bag);

        // Then it is refused with MLOPS4002
        Assert.Null(resolved);
        Assert.Equal("MLOPS4002", Assert.Single(_bag).Code);
    }
}
