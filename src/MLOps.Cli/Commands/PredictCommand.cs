using System.CommandLine;
using MLOps.Cli.Scoring;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops predict</c>: batch scoring of a data file or folder through the runtime, into a predictions CSV.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "The model: a folder holding model.zip, lineage.json and schema.json, or a package id@version in a feed (e.g. FlightDelay.Model@1.2.0).", HelpName = "folder|id@version", Required = true };
        var data = new Option<string>("--data", "-d") { Description = "The rows to score: a CSV, Parquet or JSON Lines file, or a folder of them.", HelpName = "file|folder", Required = true };
        var outputFile = new Option<string>("--output", "-o") { Description = "The predictions file (CSV). Written only when every row was scored.", HelpName = "file", Required = true };
        var feed = new Option<string?>("--feed", "-f") { Description = "For id@version: read the package from this feed (folder or http(s) URL) instead of a stage's.", HelpName = "folder|url" };
        var stage = new Option<string?>("--stage") { Description = "For id@version: read the package from this stage's feed (stages.yaml). Default: the first stage.", HelpName = "stage" };
        var cache = new Option<string?>("--cache") { Description = "For id@version: where the package's model folder is unpacked. Default: artifacts/models under the repository root.", HelpName = "folder" };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows between progress reports (and checks for Ctrl+C).", HelpName = "rows", DefaultValueFactory = _ => 100_000 };
        var include = new Option<string[]>("--include") { Description = "Copy this input column to the predictions file, before the predictions (repeatable). The schema's unique key is always copied.", HelpName = "column", AllowMultipleArgumentsPerToken = false };
        var command = new CliCommand(
            "predict",
            "Scores a data file or folder with a model: loads it through the runtime (verified against its lineage), checks the data against the model's schema in the serving environment, and writes one CSV line of predictions per row (binary: PredictedLabel, Probability, Score; regression: Score; multiclass: PredictedLabel and Score.<class>).",
            "mlops predict --model obj/mlops/FlightDelay --data data/flights/flights.csv -o predictions.csv",
            "mlops predict --model FlightDelay.Model@1.2.0 --stage production --data exports/ -o predictions.csv",
            "mlops predict -m FlightDelay.Model@1.2.0 --feed https://pkgs.example.com/v3/index.json -d today.parquet -o today.csv --include date")
        {
            model, data, outputFile, feed, stage, cache, batchSize, include,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(stage) is not null && result.GetResult(feed) is not null)
                result.AddError("Give --stage or --feed, not both.");
        });
        command.SetAction((parsed, cancellationToken) => BatchScoring.RunAsync(
            new PredictRequest(parsed.GetRequiredValue(model), parsed.GetRequiredValue(data), parsed.GetRequiredValue(outputFile), parsed.GetValue(feed), parsed.GetValue(stage), parsed.GetValue(cache), parsed.GetValue(batchSize), parsed.GetValue(include) ?? []),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}
