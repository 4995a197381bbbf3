using System.Diagnostics;
using System.Security.Cryptography;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;
using Xunit;
using Xunit.Abstractions;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests;

/// <summary>A folder-feed publish cannot half-happen: mlops publish processes killed at random moments.</summary>
public sealed class PublishKillTests(ITestOutputHelper log) : IDisposable
{
    private const string Id = "Flight.Model";
    private const int Kills = 30;
    private readonly TempFolder _temp = new();

    private string Feed => _temp.Combine("feed");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_leave_only_complete_packages_When_publishers_are_killed_at_random_moments()
    {
        // Given model packages with a few MB of model each, and how long one whole publish takes
        int seed = Environment.TickCount;
        var random = new Random(seed);
        string[] packages = [.. Enumerable.Range(0, Kills + 14).Select(i => TestPackages.LargeModel(_temp.Path, Id, $"1.0.{i}", (char)('a' + (i % 26)), 2_000_000))];
        double whole = double.MaxValue;
        foreach (string warmUp in new[] { "0.9.0", "0.9.1" })
        {
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, await RunToEnd(TestPackages.Model(_temp.Path, Id, warmUp, 'z')));
            whole = Math.Min(whole, clock.Elapsed.TotalMilliseconds);
        }

        // When publishers are started two at a time and each is killed after a random 20% to 100% of the fastest
        // publish seen (most of it is the process starting; the end is NuGet writing the package); a publisher
        // that finishes first makes the next delays shorter
        int killed = 0;
        for (int i = 0; i + 1 < packages.Length && killed < Kills; i += 2)
        {
            double[] finished = await Task.WhenAll(
                KillAfter(packages[i], whole * (0.2 + (0.8 * random.NextDouble()))),
                KillAfter(packages[i + 1], whole * (0.2 + (0.8 * random.NextDouble()))));
            killed += finished.Count(f => f < 0);
            whole = finished.Where(f => f > 0).Append(whole).Min();
        }

        // Then every version folder that is visible is complete, NuGet lists exactly those, and each reads back
        log.WriteLine($"seed {seed}, one publish {whole:0} ms, {killed} kills, {Directory.GetDirectories(Feed, ".incoming-*").Length} staging folders left by killed publishers");
        Assert.True(killed >= Kills, $"only {killed} publishers were killed (seed {seed})");
        string[] visible = [.. Directory.GetDirectories(Path.Combine(Feed, "flight.model")).Select(Path.GetFileName).OfType<string>()];
        Assert.All(visible, AssertComplete);
        var bag = new DiagnosticBag();
        ModelFeed feed = ModelFeed.Open(Feed, bag)!;
        IReadOnlyList<NuGetVersion> listed = await feed.GetVersionsAsync(Id, bag);
        Assert.Equal(visible.Select(NuGetVersion.Parse).Order(), listed);
        foreach (NuGetVersion version in listed)
            Assert.NotNull(await feed.ReadModelSha256Async(Id, version, bag));
        Assert.Empty(bag);

        // And a normal publish afterwards succeeds, also of a version whose publisher was killed before it appeared
        Assert.Equal(0, await RunToEnd(TestPackages.Model(_temp.Path, Id, "2.0.0", 'y')));
        string? missing = Enumerable.Range(0, packages.Length).Select(i => $"1.0.{i}").FirstOrDefault(v => !visible.Contains(v));
        if (missing is not null)
            Assert.Equal(0, await RunToEnd(packages[int.Parse(missing["1.0.".Length..], System.Globalization.CultureInfo.InvariantCulture)]));
    }

    /// <summary>-1 when the publisher was killed; how long it ran (ms) when it finished first.</summary>
    private async Task<double> KillAfter(string package, double milliseconds)
    {
        var clock = Stopwatch.StartNew();
        using Process publisher = Start("publish", package, "--feed", Feed);
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds));
        if (publisher.HasExited)
            return clock.Elapsed.TotalMilliseconds;
        publisher.Kill(entireProcessTree: true);
        await publisher.WaitForExitAsync();
        return -1;
    }

    private void AssertComplete(string version)
    {
        string folder = Path.Combine(Feed, "flight.model", version);
        string nupkg = Path.Combine(folder, $"flight.model.{version}.nupkg");
        Assert.True(File.Exists(nupkg), $"{folder} has no nupkg");
        Assert.True(File.Exists(Path.Combine(folder, "flight.model.nuspec")), $"{folder} has no nuspec");
        string expected = File.ReadAllText(nupkg + ".sha512");
        Assert.Equal(Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(nupkg))), expected);
    }

    private async Task<int> RunToEnd(string package)
    {
        using Process process = Start("publish", package, "--feed", Feed);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        log.WriteLine($"exit {process.ExitCode}: {await output}{await error}");
        return process.ExitCode;
    }

    // The built tool as a real process (as ProcessTests runs it), so a kill is a real SIGKILL mid-write.
    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = _temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mlops.dll"));
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }
}
