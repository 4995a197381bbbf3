using System.Globalization;
using System.Text;
using Xunit;

namespace MLOps.Cli.Tests.Drift;

public sealed class DriftCommandTests(DriftModel model) : IClassFixture<DriftModel>
{
    [Fact]
    public void Should_exit_0_and_write_the_table_json_and_page_When_the_current_data_is_like_the_reference()
    {
        // Given current flights drawn like the training data
        string current = model.Write("like.csv", DriftModel.Flights(800, seed: 21));

        // When they are checked against the model folder's drift reference
        CliResult result = Cli.Run("drift", "--reference", model.Folder, "--current", current, "--json", model.PathOf("like.json"), "--html", model.PathOf("like.html"));

        // Then no drift: a line per compared column (the prediction scored by the folder's model), and both outputs
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("prediction.Probability", result.Output, StringComparison.Ordinal);
        Assert.Contains("dataset: no drift", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"dataset_drift\": false", File.ReadAllText(model.PathOf("like.json")), StringComparison.Ordinal);
        string page = File.ReadAllText(model.PathOf("like.html"));
        Assert.Contains("Content-Security-Policy", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64,", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_1_with_MLOPS7030_naming_the_columns_When_the_current_data_drifted()
    {
        // Given late-night long-haul flights from ORD only
        string current = model.Write("drifted.csv", DriftModel.Flights(800, seed: 5, drifted: true));

        // When they are checked against raw reference data (exact statistics), scored by the model
        CliResult result = Cli.Run("drift", "--reference", model.Data, "--model", model.Folder, "--current", current, "--spec", model.Spec);

        // Then the dataset drifted, and the diagnostic names the columns that moved
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS7030", result.Error, StringComparison.Ordinal);
        Assert.All(new[] { "date.hour", "distance", "origin" }, c => Assert.Contains(c, result.Error, StringComparison.Ordinal));
        Assert.Contains("dataset: DRIFT", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_compare_the_logged_predictions_without_rescoring_When_the_current_data_is_prediction_logs()
    {
        // Given a prediction log whose inputs are like the reference's but whose model always answered 0.99
        var log = new StringBuilder();
        var random = new Random(3);
        for (int i = 0; i < 300; i++)
        {
            string date = new DateTime(2001, 1, 1).AddMinutes(random.Next(60 * 24 * 59)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            log.Append(CultureInfo.InvariantCulture, $"{{\"time\":\"2026-12-01T10:00:00Z\",\"request_id\":\"r{i}\",\"model\":\"Flights\",\"version\":\"1.0.0\",\"model_sha256\":\"ab\",")
                .Append(CultureInfo.InvariantCulture, $"\"input\":{{\"date\":\"{date}\",\"distance\":{random.Next(100, 3000)},\"origin\":\"{new[] { "ATL", "ORD", "SFO", "JFK" }[random.Next(4)]}\"}},")
                .Append("\"output\":{\"PredictedLabel\":true,\"Probability\":0.99,\"Score\":4.5}}\n");
        }
        Directory.CreateDirectory(model.PathOf("logs"));
        File.WriteAllText(Path.Combine(model.PathOf("logs"), "predictions-20261201T100000-0.jsonl"), log.ToString());

        // When the log folder is checked against the drift reference alone (no model, no spec)
        CliResult result = Cli.Run("drift", "--reference", Path.Combine(model.Folder, "drift-reference.json"), "--current", model.PathOf("logs"), "--json", model.PathOf("logs.json"));

        // Then the prediction drifted (read from the log), the inputs did not
        string json = File.ReadAllText(model.PathOf("logs.json"));
        Assert.Contains("prediction.Probability", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"prediction\.Probability\s+\S+\s+\S+\s+\S+\s+yes", result.Output);
        Assert.Matches(@"distance\s+\S+\s+\S+\s+\S+\s+no", result.Output);
        Assert.Contains("\"current_rows\": 300", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_2_with_MLOPS7031_When_the_reference_or_package_is_not_there()
    {
        CliResult missing = Cli.Run("drift", "--reference", model.PathOf("nowhere.csv"), "--current", model.Data);
        CliResult package = Cli.Run("drift", "--reference", "Flights.Model@9.9.9", "--feed", model.PathOf("feed"), "--current", model.Data);

        Assert.True(missing.ExitCode == 2 && missing.Error.Contains("error MLOPS7031", StringComparison.Ordinal), missing.ToString());
        Assert.True(package.ExitCode == 2 && package.Error.Contains("error MLOPS7031", StringComparison.Ordinal), package.ToString());
    }

    [Fact]
    public void Should_exit_2_with_MLOPS7032_When_raw_reference_data_comes_without_spec_or_model()
    {
        CliResult result = Cli.Run("drift", "--reference", model.Data, "--current", model.Data);

        Assert.True(result.ExitCode == 2 && result.Error.Contains("error MLOPS7032", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public void Should_exit_2_with_MLOPS7033_When_the_model_does_not_match_its_lineage()
    {
        // Given a copy of the model folder whose model.zip was changed after its lineage was written
        string tampered = Directory.CreateDirectory(model.PathOf("tampered")).FullName;
        foreach (string file in Directory.GetFiles(model.Folder))
            File.Copy(file, Path.Combine(tampered, Path.GetFileName(file)));
        File.AppendAllText(Path.Combine(tampered, "model.zip"), "x");

        CliResult result = Cli.Run("drift", "--reference", tampered, "--current", model.Data);

        Assert.True(result.ExitCode == 2 && result.Error.Contains("error MLOPS7033", StringComparison.Ordinal), result.ToString());
        Assert.Contains("hashes to", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_2_with_MLOPS7034_When_the_current_data_lacks_an_input_column()
    {
        string current = model.Write("no-origin.csv", "date,delay,distance\n2001-01-03 10:00,5,300\n");

        CliResult result = Cli.Run("drift", "--reference", model.Folder, "--current", current);

        Assert.True(result.ExitCode == 2 && result.Error.Contains("error MLOPS7034", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public void Should_warn_MLOPS7035_and_compare_the_inputs_When_raw_current_data_has_no_model_to_score_it()
    {
        // Given the drift reference alone (it has the prediction) and raw current data with the spec
        string current = model.Write("unscored.csv", DriftModel.Flights(400, seed: 8));

        CliResult result = Cli.Run("drift", "--reference", Path.Combine(model.Folder, "drift-reference.json"), "--current", current, "--spec", model.Spec);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning MLOPS7035", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("prediction.Probability", result.Output, StringComparison.Ordinal);
        Assert.Contains("distance", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_2_with_MLOPS7036_When_the_report_cannot_be_written()
    {
        string blocker = model.Write("blocker", "a file where a folder should be");

        CliResult result = Cli.Run("drift", "--reference", model.Folder, "--current", model.Data, "--json", Path.Combine(blocker, "drift.json"));

        Assert.True(result.ExitCode == 2 && result.Error.Contains("error MLOPS7036", StringComparison.Ordinal), result.ToString());
    }
}
