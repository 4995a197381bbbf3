using System.Diagnostics;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Registry;

public sealed class ModelFeedReadTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_create_the_folder_and_list_nothing_When_a_relative_feed_path_does_not_exist()
    {
        // Given a relative feed path under a base directory, not created yet
        // When the feed is opened and a package listed
        ModelFeed? feed = ModelFeed.Open("artifacts/feed", _bag, baseDirectory: _temp.Path);
        IReadOnlyList<NuGetVersion> versions = feed is null ? [] : await feed.GetVersionsAsync("Flight.Model", _bag);

        // Then the folder exists and the list is empty, without diagnostics
        Assert.Empty(_bag);
        Assert.NotNull(feed);
        Assert.Equal(Path.Combine(_temp.Path, "artifacts", "feed"), feed.LocalFolder);
        Assert.True(Directory.Exists(feed.LocalFolder));
        Assert.Empty(versions);
    }

    [Fact]
    public async Task Should_read_no_lineage_When_the_version_is_absent_or_is_a_library()
    {
        // Given a feed holding a library without lineage
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;
        await feed.PublishAsync(TestPackages.Library(_temp.Path, "Some.Library", "2.0.0"), _bag);

        // When lineage is read for it and for a version that is not there
        string? library = await feed.ReadModelSha256Async("Some.Library", new NuGetVersion(2, 0, 0), _bag);
        string? absent = await feed.ReadModelSha256Async("Some.Library", new NuGetVersion(9, 9, 9), _bag);

        // Then both are null, and neither is an error
        Assert.Empty(_bag);
        Assert.Null(library);
        Assert.Null(absent);
    }

    [Fact]
    public void Should_report_MLOPS5004_When_the_source_scheme_is_not_supported()
    {
        // Given an ftp source
        // When it is opened
        ModelFeed? feed = ModelFeed.Open("ftp://example.invalid/feed", _bag);

        // Then it is refused with MLOPS5004
        Assert.Null(feed);
        Assert.Equal("MLOPS5004", Assert.Single(_bag).Code);
    }

    [Fact]
    public async Task Should_report_MLOPS5004_and_list_nothing_When_an_HTTP_feed_is_unreachable()
    {
        // Given an HTTP feed on a port nothing listens on
        ModelFeed feed = ModelFeed.Open("http://127.0.0.1:9/v3/index.json", _bag)!;

        // When its versions are listed
        IReadOnlyList<NuGetVersion> versions = await feed.GetVersionsAsync("Flight.Model", _bag);

        // Then MLOPS5004 is reported instead of an exception
        Assert.Empty(versions);
        Assert.Equal("MLOPS5004", Assert.Single(_bag).Code);
    }

    [Fact]
    public async Task Should_list_and_read_a_package_When_the_dotnet_CLI_pushed_it_into_a_ModelFeed_folder()
    {
        // Given a feed ModelFeed started, and a second model pushed into it by the real 'dotnet nuget push'
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "First.Model", "1.0.0", TestPackages.Sha('a')), _bag);
        string package = TestPackages.Model(_temp.Path, "Cli.Model", "1.2.3", TestPackages.Sha('c'));
        (int exitCode, string output) = await RunDotNetAsync(_temp.Path, "nuget", "push", package, "-s", _temp.Feed);
        Assert.True(exitCode == 0, output);

        // When ModelFeed lists it and reads its lineage
        IReadOnlyList<NuGetVersion> versions = await feed.GetVersionsAsync("Cli.Model", _bag);
        string? sha = await feed.ReadModelSha256Async("Cli.Model", new NuGetVersion(1, 2, 3), _bag);

        // Then NuGet took the folder for its own v3 layout (it wrote <id>/<version>/ too) and both read back
        Assert.Empty(_bag);
        Assert.True(File.Exists(Path.Combine(_temp.Feed, "cli.model", "1.2.3", "cli.model.1.2.3.nupkg")));
        Assert.Equal([new NuGetVersion(1, 2, 3)], versions);
        Assert.Equal(TestPackages.Sha('c'), sha);
    }

    [Fact]
    public async Task Should_read_and_extend_the_feed_When_the_dotnet_CLI_created_it_flat()
    {
        // Given an empty folder the real 'dotnet nuget push' filled (NuGet writes a new folder flat, v2)
        Directory.CreateDirectory(_temp.Feed);
        string package = TestPackages.Model(_temp.Path, "Cli.Model", "1.0.0", TestPackages.Sha('c'));
        (int exitCode, string output) = await RunDotNetAsync(_temp.Path, "nuget", "push", package, "-s", _temp.Feed);
        Assert.True(exitCode == 0, output);

        // When ModelFeed reads it and publishes the next version
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;
        string? sha = await feed.ReadModelSha256Async("Cli.Model", new NuGetVersion(1, 0, 0), _bag);
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Cli.Model", "1.0.1", TestPackages.Sha('d')), _bag);

        // Then the lineage reads back, and the feed keeps one layout with both versions listed
        Assert.Empty(_bag);
        Assert.Equal(TestPackages.Sha('c'), sha);
        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.Equal([new NuGetVersion(1, 0, 0), new NuGetVersion(1, 0, 1)], await feed.GetVersionsAsync("Cli.Model", _bag));
    }

    private static async Task<(int ExitCode, string Output)> RunDotNetAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
