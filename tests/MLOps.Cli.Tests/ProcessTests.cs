using System.Diagnostics;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests;

/// <summary>The built tool run as a real process: the exit code is what a shell or CI agent sees.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_ReturnTheDesignedExitCodes_When_TheBuiltToolRunsAsAProcess()
    {
        // Given the built mlops.dll and a folder with no feed yet
        string first = TestPackages.Model(_temp.Path, "FlightDelay.Model", "1.0.0", 'a');
        string other = TestPackages.Model(_temp.Path, "FlightDelay.Model", "1.0.0", 'b');

        // When it publishes to the default feed, republishes a different model, validates a missing spec and asks for help
        CliResult published = RunTool("publish", first);
        CliResult refused = RunTool("publish", other);
        CliResult missing = RunTool("validate", "nope.yaml");
        CliResult help = RunTool("publish", "--help");

        // Then the process exit codes are 0, 1, 2 and 0, help names the tool mlops, and the default feed is artifacts/feed under the current directory
        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.True(File.Exists(_temp.Combine("artifacts", "feed", "flightdelay.model", "1.0.0", "flightdelay.model.1.0.0.nupkg")));
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("error MLOPS5001: ", refused.Error);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("error MLOPS0001: ", missing.Error);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("mlops publish <package.nupkg>... [options]", help.Output);
    }

    [Fact]
    public void Should_WriteNoEscapeCharacter_When_OutputIsRedirected()
    {
        // Given a spec that is not valid YAML, and .NET allowed to colour redirected output
        string spec = Path.Combine(_temp.Path, "model.yaml");
        File.WriteAllText(spec, "name: X\nfeatures:\n  - { name: A, source: a\n  - { name: B, source: b }\n");
        var environment = new Dictionary<string, string> { ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "1" };

        // When the tool reports errors, a usage error and help to a pipe
        CliResult[] results =
        [
            RunTool(environment, "validate", spec),
            RunTool(environment, "validate", "nope.yaml"),
            RunTool(environment, "versions"),
            RunTool(environment, "--help"),
        ];

        // Then every output is plain text, and the invalid spec is MLOPS0002 (a failed check, 1)
        Assert.All(results, r => Assert.False(r.Output.Contains('\u001b') || r.Error.Contains('\u001b'), r.ToString()));
        Assert.True(results[0].ExitCode == 1, results[0].ToString());
        Assert.Contains("error MLOPS0002: ", results[0].Error);
    }

    private CliResult RunTool(params string[] args) => RunTool(new Dictionary<string, string>(), args);

    private CliResult RunTool(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = _temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach ((string name, string value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mlops.dll"));
        foreach (string arg in args)
            start.ArgumentList.Add(arg);

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "mlops did not exit within a minute");
        return new CliResult(process.ExitCode, output, error.Result);
    }
}
