using System.CommandLine;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Retraining;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops retrain-window</c>: cuts the spec's retrain window (retrain: data, window) into a data file the model's build
/// then trains on with MLOpsDataPath. The Retrain target of build/build.cake runs it (docs/monitoring.md#retraining).
/// </summary>
internal static class RetrainWindowCommand
{
    public static Command Create()
    {
        var specFile = new Argument<FileInfo>("model.yaml") { Description = "The model spec whose retrain: section says which data and window." }.RejectingOptions();
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "The folder for window.csv (the rows of the window) and window.json (what was cut, for lineage).",
            HelpName = "folder",
            Required = true,
        };
        var command = new CliCommand(
            "retrain-window",
            "Cuts the newest rows of a model's retrain data (the spec's retrain: window, counted back from the newest value of its column) into window.csv, with window.json describing the cut.",
            "mlops retrain-window models/FlightDelay/model.yaml -o artifacts/FlightDelay/retrain")
        {
            specFile, output,
        };
        command.SetAction(parsed => Run(parsed.GetValue(specFile)!.FullName, parsed.GetValue(output)!.FullName,
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string specPath, string outputDirectory, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        RetrainLineage? window = null;
        if (SpecLoader.Load(specPath, bag) is { } spec && SchemaFile.Load(spec.Data.SchemaPath, bag) is { } schema)
        {
            SpecSchemaCheck.Check(spec, schema, bag);
            window = bag.HasErrors ? null : RetrainWindowCutter.Cut(spec, schema, outputDirectory, bag);
        }

        Reporter.Write(error, bag);
        if (window is null)
        {
            return ExitCodes.For(bag) is var code && code == ExitCodes.Success ? ExitCodes.CheckFailed : code;
        }

        output.WriteLine($"{Path.Combine(outputDirectory, RetrainWindowCutter.DataFileName)}: {window.Rows:N0} rows, the last {window.Last} by {window.By} (after {window.After}, newest {window.Newest})");
        return ExitCodes.Success;
    }
}
