using Xunit;

namespace MLOps.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData("deploy")]
    [InlineData("publsh", "x.nupkg")]
    public void Should_ExitTwo_When_TheCommandIsUnknown(params string[] args)
    {
        // Given a command line whose first word is not a command
        // When it runs
        CliResult result = Cli.Run(args);

        // Then it is a usage error pointing at help
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Unrecognized command or argument '{args[0]}'", result.Error);
        Assert.Contains("--help", result.Error);
    }

    [Theory]
    [InlineData("publish", "--fed", "feed", "x.nupkg")]
    [InlineData("versions", "M", "--fed", "feed")]
    [InlineData("lineage", "M", "--latest")]
    [InlineData("validate", "--strict", "model.yaml")]
    public void Should_ExitTwo_When_AnOptionIsUnknown(params string[] args)
    {
        // Given a command line with a misspelt or unknown option
        // When it runs
        CliResult result = Cli.Run(args);

        // Then it is a usage error, and nothing was run
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unrecognized", result.Error);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("versions")]
    [InlineData("lineage")]
    [InlineData("validate")]
    [InlineData("drift", "--current", "data.csv")]
    [InlineData("retrain-window", "model.yaml")]
    [InlineData()]
    public void Should_ExitTwo_When_ARequiredArgumentIsMissing(params string[] args)
    {
        // Given a command without its argument (or no command at all)
        // When it runs
        CliResult result = Cli.Run(args);

        // Then it is a usage error
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Error);
    }

    [Theory]
    [InlineData("publish", "mlops publish artifacts/packages/FlightDelay.Model.1.0.0.nupkg --feed artifacts/feed")]
    [InlineData("versions", "mlops versions FlightDelay.Model --feed artifacts/feed")]
    [InlineData("lineage", "mlops lineage FlightDelay.Model --version 1.0.2 --feed artifacts/feed")]
    [InlineData("validate", "mlops validate models/FlightDelay/model.yaml")]
    [InlineData("retrain-window", "mlops retrain-window models/FlightDelay/model.yaml -o artifacts/FlightDelay/retrain")]
    public void Should_PrintUsageAndAnExample_When_HelpIsAsked(string command, string example)
    {
        // Given a command
        // When its help is asked for
        CliResult result = Cli.Run(command, "--help");

        // Then help prints its usage (under the test host's name in-process) and ends with an example
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@" {command} \[?<", result.Output); // validate's spec is optional: [<model.yaml>]
        Assert.Contains($"Examples:{Environment.NewLine}", result.Output);
        Assert.Contains(example, result.Output);
    }

    [Fact]
    public void Should_ListEveryCommandWithAnExample_When_RootHelpIsAsked()
    {
        // Given the tool
        // When its help is asked for
        CliResult result = Cli.Run("--help");

        // Then every command is listed with an example
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string command in new[] { "publish", "versions", "lineage", "validate" })
            Assert.Contains($"  mlops {command} ", result.Output);
    }
}
