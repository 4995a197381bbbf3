using System.Text.RegularExpressions;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests.Reporting;

public sealed partial class ReportCommandTests(ReportStore store) : IClassFixture<ReportStore>
{
    [Fact]
    public void Should_write_a_page_per_model_and_an_index_When_the_store_holds_two_models()
    {
        // Given a store with runs of Flights and Houses
        string folder = store.Folder("all");

        // When the report is made for every model
        CliResult result = Cli.Run("report", "--store", store.StorePath, "-o", folder);

        // Then there is a page per model and an index linking both, printed as the file to open
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"report: {Path.Combine(folder, "index.html")}", result.Output);
        string index = File.ReadAllText(Path.Combine(folder, "index.html"));
        Assert.Contains("href=\"Flights.html\"", index);
        Assert.Contains("href=\"Houses.html\"", index);
        // And the Houses page, which has no documents, says so instead of drawing empty charts
        string houses = File.ReadAllText(Path.Combine(folder, "Houses.html"));
        Assert.Contains("No evaluation recorded", houses);
    }

    [Fact]
    public void Should_hold_every_section_with_nothing_to_fetch_When_the_model_has_documents_and_a_sweep()
    {
        // Given Flights, whose latest run has an evaluation and a profile, and which was swept
        string folder = store.Folder("flights");

        // When its report is made
        CliResult result = Cli.Run("report", "--model", "Flights", "--store", store.StorePath, "-o", folder);

        // Then one page is written, with the model's runs (not the trials) in its data and every section present
        Assert.True(result.ExitCode == 0, result.ToString());
        string page = File.ReadAllText(Path.Combine(folder, "Flights.html"));
        Assert.False(File.Exists(Path.Combine(folder, "index.html")));
        Assert.All(store.FlightsRuns, id => Assert.Contains(id, page));
        foreach (string title in new[] { "ROC curve", "Precision-recall curve", "Calibration", "Feature importance", "Scores by run (test split)", "LearningRate" })
            Assert.Contains($"alt=\"{title}\"", page);
        Assert.Contains("id=\"confusion-matrix\"", page);
        Assert.Contains("3 trials of sweep", page);
        // And nothing in it points outside the file: every src is a data: URI, no stylesheet or script is linked
        Assert.DoesNotMatch(ExternalReference(), page);
    }

    [Fact]
    public void Should_report_MLOPS8060_with_what_to_do_When_the_store_has_no_runs()
    {
        // Given an empty store
        using var temp = new TempFolder();

        // When a report is asked for
        CliResult result = Cli.Run("report", "--store", temp.PathOf("runs.db"), "-o", temp.PathOf("report"));

        // Then MLOPS8060 says to build a model first, and exit code 2
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MLOPS8060", result.Error);
        Assert.Contains("Build a model first", result.Error);
    }

    [Fact]
    public void Should_report_MLOPS8061_naming_the_models_with_runs_When_the_model_is_unknown()
    {
        // Given the store with Flights and Houses
        // When a report for another model is asked for
        CliResult result = Cli.Run("report", "--model", "Trains", "--store", store.StorePath, "-o", store.Folder("none"));

        // Then MLOPS8061 names the models it has
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MLOPS8061", result.Error);
        Assert.Contains("Models with runs: Flights, Houses", result.Error);
    }

    [Fact]
    public void Should_report_MLOPS8063_When_the_output_folder_is_a_file()
    {
        // Given an output path that is a file
        using var temp = new TempFolder();
        string file = temp.Write("report", "not a folder");

        // When the report is written there
        CliResult result = Cli.Run("report", "--model", "Houses", "--store", store.StorePath, "-o", file);

        // Then MLOPS8063 says to choose a writable folder, and exit code 2
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MLOPS8063", result.Error);
        Assert.Contains("Choose a writable folder with -o", result.Error);
    }

    [Fact]
    public void Should_warn_MLOPS8062_and_leave_the_section_out_When_a_run_document_is_not_the_json_expected()
    {
        // Given a store whose only run has an evaluation document that is not JSON
        using var temp = new TempFolder();
        var bag = new MLOps.Core.Diagnostics.DiagnosticBag();
        using (var runs = MLOps.Core.Tracking.RunStores.Open(temp.PathOf("runs.db"), bag)!)
        {
            var run = new MLOps.Core.Tracking.Run { Id = "00000000000000ab", Model = "M", Status = MLOps.Core.Tracking.RunStatus.Succeeded, StartedAt = DateTimeOffset.UnixEpoch };
            runs.Start(run);
            runs.SaveDocument(run.Id, "evaluation", "{ \"evaluation_version\": ");
        }

        // When its report is made
        CliResult result = Cli.Run("report", "--store", temp.PathOf("runs.db"), "-o", temp.PathOf("out"));

        // Then the page is written without the evaluation, and MLOPS8062 names the run
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("MLOPS8062", result.Error);
        Assert.Contains("00000000000000ab", result.Error);
        Assert.Contains("No evaluation recorded", File.ReadAllText(temp.PathOf("out/M.html")));
    }

    [GeneratedRegex("(src|href)=\"(?!data:|#|[A-Za-z0-9_.-]+\\.html\")|<link |url\\(")]
    private static partial Regex ExternalReference();
}
