using MLOps.Cli.Progress;
using Xunit;

namespace MLOps.Cli.Tests;

public sealed class ProgressReporterTests
{
    [Theory]
    [InlineData(true, null, typeof(SpectreProgressReporter))]
    [InlineData(true, "true", typeof(PlainProgressReporter))]
    [InlineData(false, null, typeof(PlainProgressReporter))]
    public void Should_show_live_progress_only_When_a_terminal_outside_CI_is_watched(bool terminal, string? ci, Type expected)
    {
        // Given a writer that is (or is not) a colour terminal, on (or off) a CI agent
        using var text = new StringWriter();
        using var writer = new StyledWriter(text, color: terminal);

        // When the reporter is chosen
        IProgressReporter reporter = ProgressReporters.For(writer, name => name == "CI" ? ci : null);

        // Then only a terminal outside CI gets Spectre.Console's live display
        Assert.IsType(expected, reporter);
    }

    [Fact]
    public void Should_write_one_line_per_event_When_progress_is_plain()
    {
        // Given the plain reporter
        using var text = new StringWriter();
        var reporter = new PlainProgressReporter(text);

        // When a step reports a status and a counted task finishes 2 of 2
        int answer = reporter.Step("training", report => { report("fold 1"); return 42; });
        reporter.Count("sweeping", 2, done => { done(); done(); });

        // Then each event is one line, and the step's result comes back
        Assert.Equal(42, answer);
        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["training: started", "training: fold 1"], lines[..2]);
        Assert.Matches(@"^training: done in \d+\.\d s$", lines[2]);
        Assert.Equal(["sweeping: 0/2", "sweeping: 1/2", "sweeping: 2/2"], lines[3..]);
    }

    [Fact]
    public void Should_draw_with_ANSI_and_return_the_result_When_progress_is_live()
    {
        // Given the Spectre.Console reporter on a terminal writer
        using var text = new StringWriter();
        var reporter = new SpectreProgressReporter(new StyledWriter(text, color: true));

        // When a step runs and a counted task completes
        string result = reporter.Step("evaluating", report => { report("test split"); return "done"; });
        reporter.Count("trials", 3, done => { done(); done(); done(); });

        // Then the result comes back and the terminal got escape sequences and the step's name
        Assert.Equal("done", result);
        Assert.Contains('\u001b', text.ToString());
        Assert.Contains("evaluating", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("100%", text.ToString(), StringComparison.Ordinal);
    }
}
