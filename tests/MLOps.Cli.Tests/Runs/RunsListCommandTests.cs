using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using Xunit;

namespace MLOps.Cli.Tests.Runs;

/// <summary><c>mlops runs list</c> against a real SQLite store.</summary>
public sealed class RunsListCommandTests : IDisposable
{
    private readonly RunsStore _store = new();

    public RunsListCommandTests() => _store.Add(
        RunsStore.Trained("a1a1000000000001", "Flights", RunsStore.Day(1), "LightGbm", 31, 0.71, 0.70, "baseline"),
        RunsStore.Trained("a1a1000000000002", "Flights", RunsStore.Day(2), "FastTree", 63, 0.74, 0.73, "big leaves"),
        RunsStore.Trained("b2b2000000000003", "Iris", RunsStore.Day(3), "Sdca", 0, 0.95, 0.94),
        new Run { Id = "b2b2000000000004", Model = "Flights", StartedAt = RunsStore.Day(4), Status = RunStatus.Running, Source = RunSources.Cli });

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Should_print_a_table_of_the_runs_newest_first_When_no_filter_is_given()
    {
        // Given four runs of two models, one still running
        // When they are listed
        CliResult result = Cli.Run("runs", "list", "--store", _store.Path);

        // Then a table shows id, model, status, source, start, duration, the main test metrics and the package version, newest first
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["id", "model", "status", "source", "started", "duration", "auc", "accuracy", "package"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["b2b2000000000004", "b2b2000000000003", "a1a1000000000002", "a1a1000000000001"], lines.Skip(1).Select(l => l[..16]));
        Assert.Equal(["a1a1000000000001", "Flights", "succeeded", "build", "2026-11-01", "10:00:00Z", "12.5s", "0.7100", "0.6100", "1.0.1"], lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["b2b2000000000004", "Flights", "running", "cli", "2026-11-04", "10:00:00Z", "running", "-", "-", "-"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_list_the_runs_an_OR_filter_selects_in_the_order_asked_When_where_and_order_by_are_given()
    {
        // Given the four runs
        // When an OR filter is ordered by a metric, for one model
        CliResult result = Cli.Run("runs", "list", "--store", _store.Path, "--model", "Flights",
            "--where", "metrics.auc > 0.72 OR (params.trainer = 'LightGbm' AND tags.note LIKE 'base%')", "--order-by", "metrics.auc desc", "--json");

        // Then the JSON lists exactly the matching runs, best first, with everything they record
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Output);
        Assert.Equal(["a1a1000000000002", "a1a1000000000001"], json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        JsonElement best = json.RootElement[0];
        Assert.Equal(0.74, best.GetProperty("metrics").GetProperty("test").GetProperty("auc").GetDouble());
        Assert.Equal(0.73, best.GetProperty("metrics").GetProperty("validation").GetProperty("auc").GetDouble());
        Assert.Equal("63", best.GetProperty("params").GetProperty("NumberOfLeaves").GetString());
        Assert.Equal("2026-11-02T10:00:00.000Z", best.GetProperty("started_at").GetString());
        Assert.Equal(12.5, best.GetProperty("duration_seconds").GetDouble());
    }

    [Fact]
    public void Should_list_at_most_the_limit_When_more_runs_match()
    {
        // Given 25 more runs
        _store.Add([.. Enumerable.Range(10, 25).Select(i => RunsStore.Trained($"c3c30000000000{i}", "Many", RunsStore.Day(5).AddMinutes(i), "LightGbm", 31, 0.5, 0.5))]);

        // When they are listed with and without a limit
        CliResult byDefault = Cli.Run("runs", "list", "--store", _store.Path, "--model", "Many");
        CliResult limited = Cli.Run("runs", "list", "--store", _store.Path, "--limit", "3");

        // Then the default is 20, and the limit holds, newest first
        Assert.Equal(21, byDefault.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(["c3c3000000000034", "c3c3000000000033", "c3c3000000000032"], limited.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l[..16]));
    }

    [Fact]
    public void Should_say_so_When_no_run_matches()
    {
        // Given the four runs
        // When a filter matches none
        CliResult result = Cli.Run("runs", "list", "--store", _store.Path, "--where", "metrics.auc > 0.99");

        // Then the tool says none match, successfully
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"No runs in sqlite {_store.Path} match.", result.Output.Trim());
    }

    [Theory]
    [InlineData("metrics.auc >", Codes.FilterSyntax, "The filter at 14: expected a value after '>', found end of filter.")]
    [InlineData("durations > 3", Codes.FilterUnknownName, "The filter at 1: unknown attribute 'durations'; valid attributes: id, model, status")]
    [InlineData("metrics.auc = 'good'", Codes.FilterTypeMismatch, "The filter at 15: 'metrics.auc' is a metric (a number)")]
    public void Should_exit_2_with_the_code_and_position_When_the_filter_cannot_be_read(string filter, string code, string message)
    {
        // Given the four runs
        // When the filter is malformed
        CliResult result = Cli.Run("runs", "list", "--store", _store.Path, "--where", filter);

        // Then exit code 2 and the diagnostic with its code, position and what was expected
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error {code}: {message}", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Should_report_the_filter_without_creating_a_store_When_the_filter_cannot_be_read()
    {
        // Given a store path where there is no store yet
        string missing = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_store.Path)!, "none", "runs.db");

        // When a malformed filter is given
        CliResult result = Cli.Run("runs", "list", "--store", missing, "--where", "model = ");

        // Then the filter is reported and no store was created
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error MLOPS8020: The filter at 9: expected a value after '='", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Should_exit_2_with_MLOPS8025_When_the_order_by_cannot_be_read()
    {
        // Given the four runs
        // When the order-by has a bad direction
        CliResult result = Cli.Run("runs", "list", "--store", _store.Path, "--order-by", "metrics.auc downwards");

        // Then MLOPS8025 with the position
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error MLOPS8025: The order-by at 13: expected ASC, DESC", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_2_with_MLOPS8027_When_the_limit_is_not_positive()
    {
        // Given the four runs
        // When the limit is 0
        CliResult result = Cli.Run("runs", "list", "--store", _store.Path, "--limit", "0");

        // Then MLOPS8027
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error MLOPS8027: --limit is 0; expected a positive number", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_end_the_help_with_examples_When_help_is_asked()
    {
        // When the help of runs list is asked
        CliResult result = Cli.Run("runs", "list", "--help");

        // Then it explains the options and ends with examples, an OR filter among them
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--where", result.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
        Assert.Contains("OR tags.note LIKE 'big%'", result.Output, StringComparison.Ordinal);
    }
}
