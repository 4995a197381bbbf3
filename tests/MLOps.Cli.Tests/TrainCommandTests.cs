using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public TrainCommandTests() => Directory.CreateDirectory(_temp.Combine(".git")); // the temp folder is the repository root

    public void Dispose() => _temp.Dispose();

    private string Store => _temp.PathOf("runs.db");

    [Fact]
    public void Should_print_plain_progress_lines_and_record_the_set_parameters_When_output_is_redirected()
    {
        // Given a copy of FlightDelay, trained with output captured (redirected) and two overrides
        string spec = FlightsCopy.Create(_temp);

        // When it is trained from the command line
        CliResult result = Cli.Run("train", Path.GetDirectoryName(spec)!, "--set", "NumberOfIterations=20", "--set", "LearningRate=0.2", "--tag", "note=short run", "--store", Store);

        // Then progress came as plain lines (no live display), one started/done pair per long step
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("validating: started", lines[0]);
        Assert.Matches(@"^validating: done in \d+\.\d s$", lines[1]);
        Assert.Equal("training: started", lines[2]);
        Assert.StartsWith("training: loading ", lines[3], StringComparison.Ordinal);
        Assert.Equal("training: training LightGbm (BinaryClassification)", lines[4]);
        Assert.Matches(@"^training: done in \d+\.\d s$", lines[5]);
        Assert.Equal("evaluating: started", lines[6]);
        Assert.Matches(@"^evaluating: done in \d+\.\d s$", lines[7]);
        Assert.Equal(8, lines.Length);
        Assert.DoesNotContain('\u001b', result.Error + result.Output);

        // And the run is recorded with source cli and the overridden parameters, its files are under artifacts/, not obj/
        string runId = result.Output.Split(' ')[2].TrimEnd(',');
        Run run = Recorded(runId);
        Assert.Equal((RunSources.Cli, RunStatus.Succeeded, "FlightDelay"), (run.Source, run.Status, run.Model));
        Assert.Equal(("20", "0.2", "31", "LightGbm"), (run.Params["NumberOfIterations"], run.Params["LearningRate"], run.Params["NumberOfLeaves"], run.Params["trainer"]));
        Assert.Equal("short run", run.Tags["note"]);
        Assert.InRange(run.Metric("auc")!.Value, 0.6, 0.8);
        string folder = _temp.Combine("artifacts", "FlightDelay", "train", runId);
        Assert.True(File.Exists(Path.Combine(folder, "model.zip")) && File.Exists(Path.Combine(folder, "metrics.json")));
        Assert.False(Directory.Exists(_temp.Combine("models", "FlightDelay", "obj")));
        Assert.Contains($"files: {folder}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_one_with_both_splits_metrics_When_a_gate_fails()
    {
        // Given FlightDelay with a validation split and an auc gate no model reaches
        string spec = FlightsCopy.Create(_temp);
        File.WriteAllText(spec, File.ReadAllText(spec)
            .Replace("  test-fraction: 0.2\n", "  test-fraction: 0.2\n  validation-fraction: 0.1\n", StringComparison.Ordinal)
            .Replace("auc: { min: 0.65 }", "auc: { min: 0.99 }", StringComparison.Ordinal));

        // When it is trained with --json
        CliResult result = Cli.Run("train", spec, "--set", "NumberOfIterations=10", "--json", "--store", Store);

        // Then the gate fails (exit 1, MLOPS3001), the JSON holds test and validation metrics, and the run is gate-failed
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS3001: ", result.Error, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement root = json.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.True(root.GetProperty("metrics").GetProperty("validation").GetProperty("auc").GetDouble() > 0.5);
        Assert.True(root.GetProperty("split").GetProperty("rows").GetProperty("validation").GetInt64() > 9000);
        Run run = Recorded(root.GetProperty("run_id").GetString()!);
        Assert.Equal(RunStatus.GateFailed, run.Status);
        Assert.Equal(("random", "0.1"), (run.Params["split_kind"], run.Params["split_validation_fraction"]));
        Assert.NotNull(run.Metric("auc", RunMetric.Validation));
        Assert.True(File.Exists(Path.Combine(root.GetProperty("output").GetString()!, "validation.metrics.json")));
    }

    [Theory]
    [InlineData("--set", "NumberOfLeafs=63", "names no hyperparameter of LightGbm")]
    [InlineData("--set", "NumberOfLeaves=many", "is not a number")]
    [InlineData("--set", "NumberOfLeaves", "is not Name=Value")]
    [InlineData("--tag", "note", "is not key=value")]
    public void Should_exit_two_with_MLOPS0056_and_train_nothing_When_an_override_is_malformed(string option, string value, string message)
    {
        // Given a copy of FlightDelay
        string spec = FlightsCopy.Create(_temp);

        // When it is trained with a malformed --set or --tag
        CliResult result = Cli.Run("train", spec, option, value, "--store", Store);

        // Then it is a usage error with its code, and nothing was trained or recorded
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS0056: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("artifacts", "FlightDelay")));
    }

    [Fact]
    public void Should_report_MLOPS0055_When_set_turns_on_early_stopping_without_validation_rows()
    {
        // Given FlightDelay's random split without validation rows
        string spec = FlightsCopy.Create(_temp);

        // When early stopping is asked for with --set
        CliResult result = Cli.Run("train", spec, "--set", "EarlyStoppingRound=5", "--store", Store);

        // Then it is refused before training
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS0055: ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("artifacts", "FlightDelay")));
    }

    private Run Recorded(string runId)
    {
        var bag = new DiagnosticBag();
        using IRunStore store = RunStores.Open(Store, bag) ?? throw new InvalidOperationException(string.Join("\n", bag));
        return store.Get(runId) ?? throw new InvalidOperationException($"run {runId} not recorded");
    }
}
