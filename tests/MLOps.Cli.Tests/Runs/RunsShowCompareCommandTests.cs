using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using Xunit;

namespace MLOps.Cli.Tests.Runs;

/// <summary><c>mlops runs show</c> and <c>mlops runs compare</c> against a real SQLite store, by id prefix.</summary>
public sealed class RunsShowCompareCommandTests : IDisposable
{
    private readonly RunsStore _store = new();

    public RunsShowCompareCommandTests() => _store.Add(
        RunsStore.Trained("a1a1000000000001", "Flights", RunsStore.Day(1), "LightGbm", 31, 0.71, 0.70, "baseline") with
        {
            DataFingerprint = "xxh128:9f00", GitCommit = "0123456789abcdef0123456789abcdef01234567", GitDirty = true, Host = "agent-7", ProcessId = 4242,
            CiSystem = "github-actions", CiRunUrl = "https://ci.example/runs/7", ToolVersions = new Dictionary<string, string> { ["mlnet"] = "5.0.1" },
            ModelSha256 = "beef", PackageId = "Flights.Model",
        },
        RunsStore.Trained("a1a1000000000002", "Flights", RunsStore.Day(2), "LightGbm", 63, 0.74, 0.73) with { ParentId = "a1a1000000000001" },
        RunsStore.Trained("b2b2000000000003", "Flights", RunsStore.Day(3), "FastTree", 63, 0.69, 0.72) with { ParentId = "a1a1000000000001" },
        RunsStore.Trained("c4c4000000000004", "Flights", RunsStore.Day(4), "FastTree", 63, 0.69, 0.72) with { Status = RunStatus.Cached, CachedFrom = "b2b2000000000003" });

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Should_show_everything_the_run_records_When_a_unique_prefix_is_given()
    {
        // Given a run with lineage, artifacts, params, metrics on two splits, a tag, two children and its evaluation document
        _store.SaveDocument("a1a1000000000001", "evaluation", "{}");

        // When it is shown by its id
        CliResult result = Cli.Run("runs", "show", "a1a1000000000001", "--store", _store.Path);

        // Then every fact is there
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = [.. result.Output.Split(Environment.NewLine).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];
        string[] expected =
        [
            "run a1a1000000000001", "model Flights", "status succeeded", "source build", "started 2026-11-01 10:00:00Z", "ended 2026-11-01 10:00:12Z",
            "duration 12.5s", "parent -", "cached from -", "children 2",
            "lineage", "data xxh128:9f00", "git commit 0123456789abcdef0123456789abcdef01234567 (dirty)", "host agent-7 (pid 4242)", "ci github-actions",
            "ci run https://ci.example/runs/7", "tools mlnet 5.0.1",
            "artifacts", "model sha256 beef", "package Flights.Model 1.0.1", "documents evaluation",
            "params", "NumberOfLeaves 31", "seed 42", "trainer LightGbm",
            "metrics", "name test validation", "accuracy 0.6100 -", "auc 0.7100 0.7000",
            "tags", "note baseline",
        ];
        Assert.Equal(expected, lines.Where(l => l.Length > 0));
    }

    [Fact]
    public void Should_show_the_run_as_json_with_its_children_and_cached_from_When_json_is_asked()
    {
        // Given a cached run
        // When it is shown as JSON by a unique 4-character prefix
        CliResult result = Cli.Run("runs", "show", "c4c4", "--json", "--store", _store.Path);

        // Then it says cached, the run it was cached from, and no children
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Output);
        Assert.Equal("cached", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("b2b2000000000003", json.RootElement.GetProperty("cached_from").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("children").GetInt32());
    }

    [Theory]
    [InlineData("ffff", Codes.RunNotFound, "No run id starts with 'ffff'")]
    [InlineData("a1a1", Codes.RunIdAmbiguous, "'a1a1' starts more than one run id (a1a1000000000001, a1a1000000000002, ...)")]
    [InlineData("a1a", Codes.RunIdInvalid, "'a1a' is not a run id: expected 4 to 16 hex characters")]
    [InlineData("zzzz", Codes.RunIdInvalid, "'zzzz' is not a run id")]
    public void Should_exit_2_with_the_store_s_code_When_the_id_names_no_single_run(string id, string code, string message)
    {
        // Given four runs, two starting with a1a1
        // When a run is shown by an unknown, ambiguous, short or non-hex id
        CliResult result = Cli.Run("runs", "show", id, "--store", _store.Path);

        // Then exit code 2 with the code
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error {code}: {message}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_the_params_that_differ_and_each_metric_s_change_When_two_runs_are_compared()
    {
        // Given two runs that differ in NumberOfLeaves only
        // When they are compared by prefix
        CliResult result = Cli.Run("runs", "compare", "a1a1000000000001", "a1a1000000000002", "--store", _store.Path);

        // Then the params table has only NumberOfLeaves; each metric has both values and the change, as dvc metrics diff
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = [.. result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];
        string[] expected =
        [
            "param a1a1000000000001 a1a1000000000002",
            "NumberOfLeaves 31 63",
            "metric split a1a1000000000001 a1a1000000000002 change",
            "accuracy test 0.6100 0.6400 +0.0300",
            "auc test 0.7100 0.7400 +0.0300",
            "auc validation 0.7000 0.7300 +0.0300",
        ];
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Should_show_every_param_and_a_change_per_run_When_three_runs_are_compared_with_all()
    {
        // Given three runs
        // When they are compared with --all, as JSON
        CliResult result = Cli.Run("runs", "compare", "a1a1000000000001", "a1a1000000000002", "b2b2000000000003", "--all", "--json", "--store", _store.Path);

        // Then every param is there with whether it changed, and each metric's deltas are against the first run
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement root = json.RootElement;
        Assert.Equal(["NumberOfLeaves", "seed", "trainer"], root.GetProperty("params").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal([true, false, true], root.GetProperty("params").EnumerateArray().Select(p => p.GetProperty("changed").GetBoolean()));
        JsonElement auc = root.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "auc" && m.GetProperty("split").GetString() == "test");
        double[] deltas = [.. auc.GetProperty("deltas").EnumerateArray().Select(d => d.GetDouble())];
        Assert.Equal(0, deltas[0]);
        Assert.Equal(0.03, deltas[1], 9);
        Assert.Equal(-0.02, deltas[2], 9);
    }

    [Fact]
    public void Should_hide_equal_params_When_runs_differ_only_in_metrics()
    {
        // Given a run and the cached copy of it
        // When they are compared
        CliResult result = Cli.Run("runs", "compare", "b2b2000000000003", "c4c4000000000004", "--store", _store.Path);

        // Then the params are all equal (and hidden) and every change is 0
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Params: all equal (--all shows them).", result.Output, StringComparison.Ordinal);
        string[] lines = [.. result.Output.Split(Environment.NewLine).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];
        Assert.Contains("auc test 0.6900 0.6900 0", lines);
    }

    [Fact]
    public void Should_exit_2_When_fewer_than_two_runs_are_given_to_compare()
    {
        // When one run is compared
        CliResult result = Cli.Run("runs", "compare", "a1a1000000000001", "--store", _store.Path);

        // Then it is a usage error
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Should_report_each_id_that_names_no_run_When_compare_cannot_find_them()
    {
        // When two of three ids name no run
        CliResult result = Cli.Run("runs", "compare", "a1a1000000000001", "eeee", "ffff", "--store", _store.Path);

        // Then both are reported, with exit code 2
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, result.Error.Split(Environment.NewLine).Count(l => l.StartsWith("error MLOPS8004", StringComparison.Ordinal)));
    }
}
