using System.CommandLine;
using MLOps.Cli.Monitoring;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops monitor</c>: how a served model does in production. One subcommand per question.</summary>
internal static class MonitorCommand
{
    public static Command Create() => new CliCommand(
        "monitor",
        "How a served model does in production, from its prediction logs.",
        "mlops monitor performance --logs logs/ --labels labels.csv --spec models/FlightDelay/model.yaml --model FlightDelay.Model@1.2.0")
    {
        Performance(),
    };

    private static Command Performance()
    {
        var logs = new Option<string>("--logs") { Description = "The prediction logs: a predictions-*.jsonl file or the folder the service logs to.", HelpName = "file|folder", Required = true };
        var labels = new Option<string>("--labels") { Description = "The labels that arrived since: a CSV, JSON Lines or Parquet file (or folder) with request_id and the spec's label column.", HelpName = "file|folder", Required = true };
        var spec = new Option<string>("--spec") { Description = "The model's spec (models/<Model>/model.yaml): the task, the label column and its rule, and the monitoring.live thresholds.", HelpName = "model.yaml", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "The model served: a folder (model.zip, lineage.json) or a package id@version. Its training metrics are shown beside the live ones, and only its predictions are counted.", HelpName = "folder|id@version" };
        var feed = new Option<string?>("--feed", "-f") { Description = "For --model id@version: read the package from this feed instead of a stage's.", HelpName = "folder|url" };
        var stage = new Option<string?>("--stage") { Description = "For --model id@version: read the package from this stage's feed (stages.yaml). Default: the first stage.", HelpName = "stage" };
        var cache = new Option<string?>("--cache") { Description = "For --model id@version: where the package's model folder is unpacked. Default: artifacts/models under the repository root.", HelpName = "folder" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new CliCommand(
            "performance",
            "Joins prediction logs with labels that arrived later (by request_id), computes the live metrics with ML.NET's evaluators, shows them beside the training metrics, and fails (exit 1, MLOPS7050) when one is outside the spec's monitoring.live thresholds.",
            "mlops monitor performance --logs logs/ --labels labels.csv --spec models/FlightDelay/model.yaml",
            "mlops monitor performance --logs logs/ --labels labels.jsonl --spec models/FlightDelay/model.yaml --model FlightDelay.Model@1.2.0 --stage production --json")
        {
            logs, labels, spec, model, feed, stage, cache, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(stage) is not null && result.GetResult(feed) is not null)
                result.AddError("Give --stage or --feed, not both.");
        });
        command.SetAction((parsed, cancellationToken) => LivePerformance.RunAsync(
            new PerformanceRequest(parsed.GetRequiredValue(logs), parsed.GetRequiredValue(labels), parsed.GetRequiredValue(spec), parsed.GetValue(model), parsed.GetValue(feed), parsed.GetValue(stage), parsed.GetValue(cache), parsed.GetValue(json)),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}
