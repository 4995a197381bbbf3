using System.CommandLine;
using System.Globalization;
using MLOps.Core.Data;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops validate</c>: what the ValidateData build task checks, from the command line: the spec, the
/// spec against its data schema, and the data against the schema.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var specFile = new Argument<FileInfo>("model.yaml") { Description = "The model spec to validate, e.g. models/FlightDelay/model.yaml." }.RejectingOptions();
        var command = new CliCommand(
            "validate",
            "Loads a model spec and its data schema, checks the spec against the schema and every row of the data against the schema, and prints every problem found.",
            "mlops validate models/FlightDelay/model.yaml")
        {
            specFile,
        };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(specFile).FullName, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string specPath, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        var (spec, report, _) = ModelDataCheck.Run(specPath, bag);

        Reporter.Write(error, bag);
        int exitCode = ExitCodes.For(bag);
        output.WriteLine(Summary(spec, report, bag, specPath));
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
