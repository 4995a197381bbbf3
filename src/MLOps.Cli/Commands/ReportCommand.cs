using System.CommandLine;
using MLOps.Cli.Reporting;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Core.Reporting;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops report</c>: one self-contained HTML page per model from the run store (runs table with filters, metric
/// history, curves, confusion matrix, residuals, feature importance, data profile, sweep), plus an index when several.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "Only this model (its name in model.yaml). Default: every model with runs.", HelpName = "name" };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to write into. Default: artifacts/report under the repository root.", HelpName = "folder" };
        Option<string?> store = RunStoreOption.Create();
        var command = new CliCommand(
            "report",
            "Writes an HTML report per model from the run store: the runs (filterable) and their metric history, ROC, precision-recall and calibration (binary), the confusion matrix, residuals (regression), permutation feature importance, the data profile's histograms and the latest sweep. The files open from disk, with no network.",
            "mlops report",
            "mlops report --model FlightDelay -o artifacts/report",
            "mlops report --store \"Host=db;Database=runs;Username=ci\"")
        {
            model, output, store,
        };
        command.SetAction(parsed => Run(parsed.GetValue(model), parsed.GetValue(output), parsed.GetValue(store), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? model, string? output, string? storeOption, TextWriter stdout, TextWriter error)
    {
        var bag = new DiagnosticBag();
        string folder = output ?? Path.Combine(RepositoryRoot.Find(Directory.GetCurrentDirectory()), "artifacts", "report");
        IReadOnlyList<string>? written = null;
        using (IRunStore? store = RunStoreOption.Open(storeOption, bag))
        {
            if (store is not null && ReportReader.Read(store, model, bag) is { } inputs)
            {
                stdout.WriteLine($"report: {inputs.Count} model(s) from {store.Description}");
                written = ReportWriter.Write(inputs, new ScottPlotCharts(), folder, DateTimeOffset.UtcNow, bag);
            }
        }

        Reporter.Write(error, bag);
        if (written is null)
            return ExitCodes.UsageError;
        foreach (string file in written)
            stdout.WriteLine($"report: {file}");
        return ExitCodes.Success;
    }
}
