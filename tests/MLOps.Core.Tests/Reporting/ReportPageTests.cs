using MLOps.Core.Reporting;
using MLOps.Core.Tracking;
using Xunit;

namespace MLOps.Core.Tests.Reporting;

public sealed class ReportPageTests
{
    private sealed class CountingCharts : IChartRenderer
    {
        public List<string> Titles { get; } = [];

        public string Lines(LineChart chart) => Add(chart.Title);

        public string Bars(BarChart chart) => Add(chart.Title);

        private string Add(string title)
        {
            Titles.Add(title);
            return $"<img class=\"chart\" alt=\"{title}\">";
        }
    }

    private static Run Run(string id, int day, string note, double auc) => new()
    {
        Id = id,
        Model = "M",
        Status = RunStatus.Succeeded,
        StartedAt = new DateTimeOffset(2026, 11, day, 8, 0, 0, TimeSpan.Zero),
        Tags = new Dictionary<string, string> { ["note"] = note },
        Metrics = [new RunMetric(RunMetric.Test, "auc", auc), new RunMetric(RunMetric.Test, "log_loss", 1.2)] // A loss above 1: its own scale.,
    };

    [Fact]
    public void Should_keep_markup_in_run_data_inert_When_a_tag_holds_a_closing_script_tag()
    {
        // Given a run whose tag holds markup that would end the embedded JSON's script element
        var input = new ReportInput("M", [Run("00000000000000aa", 2, "</script><script>alert(1)</script>", 0.7)]);

        // When the page is rendered
        string page = ReportPage.Render(input, new CountingCharts(), DateTimeOffset.UnixEpoch);

        // Then the markup appears only escaped, and the page has exactly its own two script elements
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("\\u003C/script\\u003E", page);
        Assert.Equal(2, page.Split("<script").Length - 1);
    }

    [Fact]
    public void Should_draw_history_and_say_what_is_missing_When_runs_have_metrics_but_no_documents()
    {
        // Given two runs with metrics and no evaluation or profile documents
        var charts = new CountingCharts();
        var input = new ReportInput("M", [Run("00000000000000bb", 3, "b", 0.72), Run("00000000000000aa", 2, "a", 0.7)]);

        // When the page is rendered
        string page = ReportPage.Render(input, charts, DateTimeOffset.UnixEpoch);

        // Then the history has the scores chart and one chart for the loss, and the sections say what is missing
        Assert.Equal(["Scores by run (test split)", "log_loss by run (test split)"], charts.Titles);
        Assert.Contains("No evaluation recorded", page);
        Assert.Contains("No data profile recorded", page);
        Assert.DoesNotContain("id=\"sweep\"", page);
    }
}
