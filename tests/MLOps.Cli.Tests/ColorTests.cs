using MLOps.Core.Diagnostics;
using Xunit;

namespace MLOps.Cli.Tests;

public sealed class ColorTests
{
    [Fact]
    public void Should_AllowColor_When_WritingToATerminalWithoutNoColor()
    {
        // Given a terminal and an environment without NO_COLOR
        // When the tool asks whether it may colour
        bool color = Terminal.AllowsColor(redirected: false, _ => null);

        // Then it may
        Assert.True(color);
    }

    [Theory]
    [InlineData(true, null, null)] // redirected to a file or a pipe
    [InlineData(false, "1", null)] // NO_COLOR set
    [InlineData(false, "0", null)] // NO_COLOR set to anything non-empty
    [InlineData(false, null, "dumb")] // a terminal that cannot colour
    public void Should_WritePlain_When_OutputIsRedirectedOrColorIsTurnedOff(bool redirected, string? noColor, string? term)
    {
        // Given where the output goes and the environment
        string? Environment(string name) => name switch { "NO_COLOR" => noColor, "TERM" => term, _ => null };

        // When the tool asks whether it may colour
        bool color = Terminal.AllowsColor(redirected, Environment);

        // Then it may not
        Assert.False(color);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Should_ColorADiagnostic_When_AndOnlyWhen_TheWriterAllowsIt(bool allowed, bool colored)
    {
        // Given a writer that may or may not colour
        using var text = new StringWriter();
        using var writer = new StyledWriter(text, allowed);

        // When an MLOPS1005 error is reported to it
        Reporter.Write(writer, [new Diagnostic(Codes.HeaderMissingColumn, "the header has no column 'kind'.", "d.csv", 1)]);

        // Then the line holds an escape character only when colour is allowed
        Assert.Equal(colored, text.ToString().Contains('\u001b'));
        Assert.Contains("d.csv(1): error MLOPS1005: ", text.ToString());
    }
}
