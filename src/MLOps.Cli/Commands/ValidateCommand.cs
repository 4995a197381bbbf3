using System.CommandLine;
using System.Globalization;
using MLOps.Core.Data;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Spec;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops validate</c>: what the ValidateData build task checks, from the command line: the spec, the
/// spec against its data schema, and the data against the schema; prints the per-check summary and can write
/// the JSON report (<c>--json</c>).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var specFile = new Argument<FileInfo>("model.yaml") { Description = "The model spec to validate, e.g. models/FlightDelay/model.yaml." }.RejectingOptions();
        var json = new Option<FileInfo?>("--json")
        {
            Description = "Also write the validation report (per check: failing rows, fraction, first examples) as JSON to this file.",
            HelpName = "validation.json",
        };
        var environment = new Option<string>("--environment")
        {
            Description = "The environment to validate for: training (default) or serving. A column declared for other environments (the label: training) is neither required nor checked.",
            HelpName = "training|serving",
            DefaultValueFactory = _ => TableSchema.DefaultEnvironment,
        };
        var command = new CliCommand(
            "validate",
            "Loads a model spec and its data schema, checks the spec against the schema and every row of the data against the schema, and prints every problem found and a summary per check.",
            "mlops validate models/FlightDelay/model.yaml",
            "mlops validate models/FlightDelay/model.yaml --json validation.json --environment serving")
        {
            specFile, json, environment,
        };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(specFile).FullName, parsed.GetValue(json)?.FullName, parsed.GetValue(environment)!,
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string specPath, string? jsonPath, string environment, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        var (spec, report, _) = ModelDataCheck.Run(specPath, bag, environment);

        Reporter.Write(error, bag);
        int exitCode = ExitCodes.For(bag);
        if (report is { Checks.Count: > 0 })
        {
            output.WriteLine(ValidationSummary.Format(report));
        }
        output.WriteLine(Summary(spec, report, bag, specPath));
        if (jsonPath is not null && report is not null)
        {
            try
            {
                JsonFile.Write(jsonPath, report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Reporter.UsageError(error, $"cannot write '{jsonPath}': {e.Message}");
            }
        }
        return exitCode;
    }

    private static string Summary(ModelSpec? spec, ValidationReport? report, DiagnosticBag bag, string specPath)
    {
        string name = spec?.Name ?? Path.GetFileName(specPath);
        int errors = bag.Count(d => d.Severity == Severity.Error);
        int warnings = bag.Count - errors;
        string rows = report is null ? "" : $", {report.RowsRead.ToString("N0", CultureInfo.InvariantCulture)} rows read";
        return errors == 0
            ? $"{name}: valid ({warnings} warning(s){rows})."
            : $"{name}: validation failed with {errors} error(s) and {warnings} warning(s){rows}.";
    }
}
