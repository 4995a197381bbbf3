using System.CommandLine;
using MLOps.Cli.Reporting;
using MLOps.Core.Diagnostics;
using MLOps.Core.DriftCheck;
using MLOps.Core.Reporting;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops drift</c>: compares current data (or prediction logs) with a model's drift reference or with raw reference
/// data, prints the per-column table and the dataset verdict, and writes the JSON report and an HTML page
/// (docs/monitoring.md#drift-checks). Exit 1 with MLOPS7030 when the dataset drifted, 2 for usage and input errors.
/// </summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var reference = new Option<string>("--reference", "-r")
        {
            Description = "What the data is compared with: a package (Id@Version, or Id for the latest in --feed), a model folder or a drift-reference.json (the reference packed with the model), or raw data (a file or folder: exact statistics).",
            HelpName = "package|folder|file",
            Required = true,
        };
        var current = new Option<string>("--current", "-c")
        {
            Description = "The data to check: a data file or folder (CSV, Parquet, JSON Lines), or prediction logs (a predictions-*.jsonl file or their folder).",
            HelpName = "data|logs",
            Required = true,
        };
        var model = new Option<string?>("--model", "-m")
        {
            Description = "The model that scores raw data for prediction drift (a folder or Id@Version); default: the reference's model. Logs carry their predictions.",
            HelpName = "folder|package",
        };
        var spec = new Option<FileInfo?>("--spec") { Description = "The model's model.yaml: its schema, its inputs and its drift: settings.", HelpName = "model.yaml" };
        var share = new Option<double?>("--share") { Description = "The share of compared columns that must drift for the dataset to drift, in (0, 1]; overrides drift.share (default 0.5).", HelpName = "0.5" };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON (every statistic per column, the histograms).", HelpName = "drift.json" };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML page with the reference and current histograms per column.", HelpName = "drift.html" };
        var feed = FeedOption.Create();
        var command = new CliCommand(
            "drift",
            "Compares current data or prediction logs with a model's drift reference (or raw reference data) column by column, prints each column's method, value, threshold and verdict and the dataset's; exits 1 when the dataset drifted.",
            "mlops drift --reference FlightDelay.Model@1.0.0 --current exports/2001-03/ --spec models/FlightDelay/model.yaml",
            "mlops drift --reference bin/Release/net10.0/mlops/FlightDelay --current logs/ --html drift.html",
            "mlops drift --reference data/flights/flights.csv --model models/FlightDelay/obj/Release/net10.0/mlops --current june.parquet --json drift.json")
        {
            reference, current, model, spec, share, json, html, feed,
        };
        command.SetAction(parsed => Run(
            new DriftCheckRequest(parsed.GetValue(reference)!, Path.GetFullPath(parsed.GetValue(current)!))
            {
                Model = parsed.GetValue(model),
                Spec = parsed.GetValue(spec)?.FullName,
                Share = parsed.GetValue(share),
                Feed = parsed.GetValue(feed)!,
            },
            parsed.GetValue(json)?.FullName, parsed.GetValue(html)?.FullName, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(DriftCheckRequest request, string? json, string? html, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        DriftCheckResult? result = DriftCheckRunner.Run(request, bag);
        if (result is not null && result.Report.Columns.Count > 0)
        {
            foreach (string line in DriftTable.Format(result))
                output.WriteLine(line);
            Write(json, () => result.Report.ToJson(), bag);
            Write(html, () => DriftPage.Render(result, new ScottPlotCharts(), DateTimeOffset.UtcNow), bag);
        }

        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }

    private static void Write(string? path, Func<string> content, DiagnosticBag bag)
    {
        if (path is null)
            return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.DriftOutputNotWritten, $"Cannot write {Visible.Quote(path)}: {e.Message}", path);
        }
    }
}
