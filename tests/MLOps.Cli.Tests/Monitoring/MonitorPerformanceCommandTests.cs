using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Cli.Tests.Scoring;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tests.Data.Readers;
using MLOps.Runtime;
using Xunit;

namespace MLOps.Cli.Tests.Monitoring;

public sealed class MonitorPerformanceCommandTests(FlightsModel model) : IClassFixture<FlightsModel>
{
    // The typed API's shapes (what the generated FlightDelayInput / FlightDelayPrediction hold).
    public sealed class FlightInput
    {
        [ColumnName("date")] public DateTime Date { get; set; }
        [ColumnName("distance")] public float Distance { get; set; }
        [ColumnName("origin")] public string Origin { get; set; } = "";
        [ColumnName("destination")] public string Destination { get; set; } = "";
    }

    public sealed class FlightPrediction
    {
        public bool PredictedLabel { get; set; }
        public float Probability { get; set; }
        public float Score { get; set; }
    }

    private sealed class EvaluatedRow
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }

    /// <summary>Serves every row through the runtime's ModelService with its prediction log on; request ids r0, r1, ...</summary>
    private string ServeAndLog()
    {
        string logs = model.Temp.Combine("logs-" + Guid.NewGuid().ToString("N"));
        using (var service = ModelService<FlightInput, FlightPrediction>.Start(new ModelServiceOptions
        {
            ModelName = "FlightDelay",
            Directory = model.Folder,
            Log = new PredictionLogOptions { Directory = logs },
        }))
        {
            for (int i = 0; i < model.Rows.Count; i++)
            {
                FlightRow r = model.Rows[i];
                service.Predict(new FlightInput { Date = r.Date!.Value, Distance = r.Distance!.Value, Origin = r.Origin, Destination = r.Destination! }, $"r{i}");
            }
        }
        return logs;
    }

    private string Labels(IEnumerable<int> rows, params string[] extraLines)
    {
        var csv = new StringBuilder("request_id,delay\n");
        foreach (int i in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"r{i},{model.Rows[i].Delay}\n");
        }
        foreach (string line in extraLines)
        {
            csv.Append(line).Append('\n');
        }
        return model.Temp.Write($"labels/{Guid.NewGuid():N}.csv", csv.ToString());
    }

    private string SpecWith(string monitoring)
    {
        string spec = model.Temp.Combine("models", "FlightDelay", $"model-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(spec, File.ReadAllText(model.Spec) + "\n" + monitoring);
        return spec;
    }

    private static CliResult Monitor(string logs, string labels, string spec, params string[] more) =>
        Cli.Run(["monitor", "performance", "--logs", logs, "--labels", labels, "--spec", spec, .. more]);

    [Fact]
    public void Should_report_the_metrics_of_MLNETs_evaluator_on_the_same_rows_When_logs_and_labels_are_joined()
    {
        // Given the runtime's prediction log of 2,000 requests and labels for the first 1,500 (plus 3 for unknown requests)
        string logs = ServeAndLog();
        string labels = Labels(Enumerable.Range(0, 1500), "x1,10", "x2,30", "x3,0");

        // When live performance is measured against the served model
        CliResult result = Monitor(logs, labels, model.Spec, "--model", model.Folder, "--json");

        // Then the join is counted, and the live metrics are ML.NET's on those 1,500 rows scored directly, labelled delay > 15
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement root = json.RootElement;
        Assert.Equal((2000, 1500, 500, 3), (root.GetProperty("predictions").GetInt64(), root.GetProperty("labelled").GetInt64(), root.GetProperty("without_label").GetInt64(), root.GetProperty("labels_without_prediction").GetInt64()));
        CalibratedBinaryClassificationMetrics expected = Evaluate(Enumerable.Range(0, 1500));
        Dictionary<string, JsonElement> metrics = root.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(expected.AreaUnderRocCurve, metrics["auc"].GetProperty("live").GetDouble(), 12);
        Assert.Equal(expected.Accuracy, metrics["accuracy"].GetProperty("live").GetDouble(), 12);
        Assert.Equal(expected.F1Score, metrics["f1"].GetProperty("live").GetDouble(), 12);
        Assert.Equal(expected.LogLoss, metrics["log_loss"].GetProperty("live").GetDouble(), 12);

        // And each stands beside the training metric from the lineage, with the change
        Assert.Equal(model.TrainingMetrics["auc"], metrics["auc"].GetProperty("training").GetDouble(), 12);
        Assert.Equal(expected.AreaUnderRocCurve - model.TrainingMetrics["auc"], metrics["auc"].GetProperty("change").GetDouble(), 12);
    }

    [Fact]
    public void Should_exit_one_with_MLOPS7050_at_the_threshold_line_When_a_live_metric_is_below_its_minimum()
    {
        // Given a spec whose live AUC minimum no model on this data reaches, and a log max it meets
        string logs = ServeAndLog();
        string spec = SpecWith("monitoring:\n  live:\n    auc: { min: 0.99 }\n    log_loss: { max: 5 }\n");
        int line = File.ReadAllLines(spec).ToList().FindIndex(l => l.Contains("auc: { min: 0.99 }", StringComparison.Ordinal)) + 1;

        // When live performance is measured
        CliResult result = Monitor(logs, Labels(Enumerable.Range(0, 1000)), spec, "--model", model.Folder);

        // Then the check fails at the threshold's line, and the table says which passed
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{spec}({line}): error {Codes.LiveMetricOutsideThreshold}: Live auc is ", result.Error, StringComparison.Ordinal);
        Assert.Contains("below its minimum 0.99 (monitoring.live); training measured ", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"auc\s+0\.\d{4}\s+0\.\d{4}\s+[+-]0\.\d{4}\s+>= 0\.9900 FAILED", result.Output);
        Assert.Matches(@"log_loss\s+0\.\d{4}\s+0\.\d{4}\s+[+-]0\.\d{4}\s+<= 5\.0000 passed", result.Output);
        Assert.EndsWith("live thresholds failed\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_pass_When_the_live_metrics_meet_the_thresholds()
    {
        string logs = ServeAndLog();
        string spec = SpecWith("monitoring:\n  live:\n    auc: { min: 0.5 }\n");

        CliResult result = Monitor(logs, Labels(Enumerable.Range(0, 1000)), spec);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("live thresholds passed\n", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Should_warn_with_MLOPS7052_and_not_judge_When_fewer_predictions_have_labels_than_min_labelled()
    {
        string logs = ServeAndLog();
        string spec = SpecWith("monitoring:\n  min-labelled: 500\n  live:\n    auc: { min: 0.99 }\n");

        CliResult result = Monitor(logs, Labels(Enumerable.Range(0, 200)), spec);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"warning {Codes.TooFewLabelledPredictions}: Only 200 predictions have labels", result.Error, StringComparison.Ordinal);
        Assert.Contains(">= 0.9900 not judged", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("monitoring:\n  live:\n    rmse: { max: 1 }\n", Codes.MonitoringUnknownMetric, 3)]
    [InlineData("monitoring:\n  live:\n    auc: { }\n", Codes.MonitoringInvalidThreshold, 3)]
    [InlineData("monitoring:\n  live:\n    auc: { min: 0.9, max: 0.8 }\n", Codes.MonitoringInvalidThreshold, 3)]
    [InlineData("monitoring:\n  min-labelled: 0\n", Codes.MonitoringInvalidMinLabelled, 2)]
    [InlineData("monitoring:\n  min-labeled: 10\n", Codes.SpecUnknownKey, 2)]
    public void Should_report_the_bad_monitoring_section_at_its_line_When_the_spec_is_read(string section, string code, int lineInSection)
    {
        // Given a spec whose monitoring: section is wrong
        string spec = SpecWith(section);
        int line = File.ReadAllLines(spec).ToList().IndexOf("monitoring:") + lineInSection;

        // When it is read
        CliResult result = Monitor(model.Temp.PathOf("no-logs"), Labels([0]), spec);

        // Then the problem is reported at its line, before anything else is read
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{spec}({line}", result.Error, StringComparison.Ordinal);
        Assert.Contains($"error {code}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_one_with_MLOPS7051_When_no_prediction_has_a_label()
    {
        string logs = ServeAndLog();

        CliResult result = Monitor(logs, Labels([], "other-1,20", "other-2,3"), model.Spec);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error {Codes.NoLabelledPredictions}: None of the 2,000 logged predictions has a label (2 labels read).", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_out_another_models_predictions_with_MLOPS7056_When_model_is_given()
    {
        // Given logs of this model, and another model file (the same entries zipped with other timestamps: another sha256)
        string logs = ServeAndLog();
        string other = model.CopyFolder("other-model-" + Guid.NewGuid().ToString("N"));
        string zip = Path.Combine(other, "model.zip");
        using (var archive = new System.IO.Compression.ZipArchive(File.Open(zip, FileMode.Open), System.IO.Compression.ZipArchiveMode.Update))
        {
            foreach (System.IO.Compression.ZipArchiveEntry entry in archive.Entries)
            {
                entry.LastWriteTime = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
            }
        }
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(zip)));
        Assert.NotEqual(model.ModelSha256, sha);
        File.WriteAllText(Path.Combine(other, "lineage.json"), File.ReadAllText(Path.Combine(other, "lineage.json")).Replace(model.ModelSha256, sha, StringComparison.Ordinal));

        // When the logs are measured against that model
        CliResult result = Monitor(logs, Labels(Enumerable.Range(0, 100)), model.Spec, "--model", other);

        // Then every prediction is left out with a warning, so none is labelled
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"warning {Codes.PredictionLogOtherModel}: 2,000 logged predictions came from another model than FlightDelay.Model 1.0.0 (model sha256 {sha[..12]}) and were left out.", result.Error, StringComparison.Ordinal);
        Assert.Contains($"error {Codes.NoLabelledPredictions}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_MLOPS7054_with_file_and_line_When_a_log_line_is_damaged()
    {
        string logs = ServeAndLog();
        string file = Directory.GetFiles(logs, "predictions-*.jsonl").Order(StringComparer.Ordinal).First();
        File.AppendAllText(file, "{\"time\":\"2026-12-01T10:00:00Z\",\"request_id\":\"cut sho\n");

        CliResult result = Monitor(logs, Labels(Enumerable.Range(0, 100)), model.Spec);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error {Codes.PredictionLogRecordInvalid}: {file}({FlightsModel.ServeRows + 1}): not a prediction log record", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_two_with_MLOPS7053_When_the_logs_are_not_there()
    {
        CliResult result = Monitor(model.Temp.PathOf("no-such-logs"), Labels([0]), model.Spec);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error {Codes.PredictionLogsNotFound}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_warn_with_MLOPS7055_and_use_the_first_label_When_a_request_has_two()
    {
        string logs = ServeAndLog();

        CliResult result = Monitor(logs, Labels(Enumerable.Range(0, 300), "r0,999"), model.Spec, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"warning {Codes.DuplicateRequestId}: 1 label row(s) repeat a request id", result.Error, StringComparison.Ordinal);
        Assert.Equal(300, JsonDocument.Parse(result.Output).RootElement.GetProperty("labelled").GetInt64());
    }

    [Fact]
    public void Should_report_MLOPS1xxx_at_the_line_When_a_label_breaks_the_schema()
    {
        string logs = ServeAndLog();
        string labels = Labels(Enumerable.Range(0, 10), "r10,soon");

        CliResult result = Monitor(logs, labels, model.Spec);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{labels}(12,2): error {Codes.ValueNotParsable}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_one_with_MLOPS7057_When_every_label_has_one_class()
    {
        string logs = ServeAndLog();
        int[] onTime = [.. Enumerable.Range(0, 400).Where(i => model.Rows[i].Delay <= 15)];

        CliResult result = Monitor(logs, Labels(onTime), model.Spec);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error {Codes.LiveMetricUndefined}: ", result.Error, StringComparison.Ordinal);
    }

    // ML.NET's evaluator on the rows themselves: loaded as training loads them, scored by the model, labelled delay > 15.
    private CalibratedBinaryClassificationMetrics Evaluate(IEnumerable<int> rows)
    {
        using LoadedModel loaded = LoadedModel.Load(model.Folder);
        FlightRow[] chosen = [.. rows.Select(i => model.Rows[i])];
        string csv = model.Temp.Write($"expected/{Guid.NewGuid():N}.csv", FlightRow.Csv(chosen));
        var bag = new DiagnosticBag();
        var schema = Core.Data.Schema.SchemaFile.Load(Path.Combine(model.Folder, "schema.json"), bag)!;
        IDataView scored = loaded.Transform(Core.Data.Readers.TableLoader.Load(loaded.Context, csv, schema, ["date", "distance", "origin", "destination"]));
        EvaluatedRow[] evaluated = [.. scored.GetColumn<float>("Score").Zip(scored.GetColumn<float>("Probability"), scored.GetColumn<bool>("PredictedLabel"))
            .Select((t, i) => new EvaluatedRow { Label = chosen[i].Delay > 15, Score = t.First, Probability = t.Second, PredictedLabel = t.Third })];
        var ml = new MLContext(seed: 1);
        return ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(evaluated));
    }
}
