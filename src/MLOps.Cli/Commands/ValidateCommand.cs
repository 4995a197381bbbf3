using System.CommandLine;
using System.Globalization;
using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Spec;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops validate</c>: what the ValidateData build task checks, from the command line: the spec, the
/// spec against its data schema, and the data against the schema; prints the per-check summary and can write
/// the JSON report (<c>--json</c>) and the profile (<c>--profile</c>). <c>--data</c> checks other data (a new
/// batch) against the spec's schema; <c>--data</c> with <c>--schema</c> checks data without a spec.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var specFile = new Argument<FileInfo?>("model.yaml")
        {
            Description = "The model spec to validate, e.g. models/FlightDelay/model.yaml. Leave it out to check --data against --schema.",
            Arity = ArgumentArity.ZeroOrOne,
        }.RejectingOptions();
        var data = new Option<string?>("--data")
        {
            Description = "The data to check (a file or a folder of parts) instead of the spec's data: a new batch, serving logs.",
            HelpName = "file|folder",
        };
        var schema = new Option<FileInfo?>("--schema")
        {
            Description = "The schema to check --data against, when there is no spec.",
            HelpName = "schema.json",
        };
        var json = new Option<FileInfo?>("--json")
        {
            Description = "Also write the validation report (per check: failing rows, fraction, first examples) as JSON to this file.",
            HelpName = "validation.json",
        };
        var profile = new Option<FileInfo?>("--profile")
        {
            Description = "Also write the data's profile (per column: counts, distinct, range, quantiles, histogram, top values) as JSON to this file.",
            HelpName = "profile.json",
        };
        var environment = new Option<string>("--environment")
        {
            Description = "The environment to validate for: training (default) or serving. A column declared for other environments (the label: training) is neither required nor checked.",
            HelpName = "training|serving",
            DefaultValueFactory = _ => TableSchema.DefaultEnvironment,
        };
        var command = new CliCommand(
            "validate",
            "Loads a model spec and its data schema, checks the spec against the schema and every row of the data against the schema (or, with --data and --schema, data alone), and prints every problem found and a summary per check.",
            "mlops validate models/FlightDelay/model.yaml",
            "mlops validate models/FlightDelay/model.yaml --json validation.json --environment serving",
            "mlops validate models/FlightDelay/model.yaml --data exports/2026-11/ --profile new.profile.json",
            "mlops validate --data logs/today.jsonl --schema data/flights/schema.json --environment serving")
        {
            specFile, data, schema, json, profile, environment,
        };
        command.SetAction(parsed => Run(
            new Request(parsed.GetValue(specFile)?.FullName, parsed.GetValue(data), parsed.GetValue(schema)?.FullName,
                parsed.GetValue(json)?.FullName, parsed.GetValue(profile)?.FullName, parsed.GetValue(environment)!),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private sealed record Request(string? Spec, string? Data, string? Schema, string? Json, string? Profile, string Environment);

    private static int Run(Request request, TextWriter output, TextWriter error)
    {
        if (Misuse(request) is { } misuse)
        {
            return Reporter.UsageError(error, misuse);
        }
        var bag = new DiagnosticBag();
        ModelSpec? spec = null;
        ValidationReport? report;
        DataProfile? profile;
        if (request.Spec is { } specPath)
        {
            (spec, report, profile) = ModelDataCheck.Run(specPath, bag, request.Environment, request.Data is { } d ? Path.GetFullPath(d) : null);
        }
        else
        {
            (report, profile) = ModelDataCheck.RunData(Path.GetFullPath(request.Data!), request.Schema!, bag, request.Environment);
        }

        Reporter.Write(error, bag);
        int exitCode = ExitCodes.For(bag);
        if (report is { Checks.Count: > 0 })
        {
            output.WriteLine(ValidationSummary.Format(report));
        }
        output.WriteLine(Summary(spec?.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(request.Spec ?? request.Data!)), report, bag));
        return Write(request.Json, report, error) ?? Write(request.Profile, profile, error) ?? exitCode;
    }

    private static string? Misuse(Request request) => (request.Spec, request.Data, request.Schema) switch
    {
        (not null, _, not null) => "--schema is for data without a spec; a spec names its schema (data.schema). Leave out one of them.",
        (null, null, _) or (null, _, null) => "give a model spec (mlops validate model.yaml), or --data and --schema to check data without one.",
        _ => null,
    };

    // Null when written (or nothing to write); else the usage error's exit code.
    private static int? Write<T>(string? path, T? value, TextWriter error) where T : class
    {
        if (path is null || value is null)
        {
            return null;
        }
        try
        {
            JsonFile.Write(path, value);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Reporter.UsageError(error, $"cannot write '{path}': {e.Message}");
        }
    }

    private static string Summary(string name, ValidationReport? report, DiagnosticBag bag)
    {
        int errors = bag.Count(d => d.Severity == Severity.Error);
        int warnings = bag.Count - errors;
        string rows = report is null ? "" : $", {report.RowsRead.ToString("N0", CultureInfo.InvariantCulture)} rows read";
        return errors == 0
            ? $"{name}: valid ({warnings} warning(s){rows})."
            : $"{name}: validation failed with {errors} error(s) and {warnings} warning(s){rows}.";
    }
}
