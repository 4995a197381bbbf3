using System.CommandLine;
using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops schema infer</c>: a schema inferred from a data file (types, nullability, ranges, categories),
/// printed or written for a user to review, edit and commit. An existing file is never replaced silently.
/// </summary>
internal static class SchemaCommand
{
    private const string InferExample = "mlops schema infer data/flights/flights.csv -o data/flights/schema.json";

    public static Command Create() =>
        new CliCommand("schema", "Works with data schemas (schema.json, see docs/schema.md).", InferExample)
        {
            CreateInfer(),
        };

    private static CliCommand CreateInfer()
    {
        var data = new Argument<FileInfo>("data") { Description = "The data file to infer from (CSV with a header row, Parquet or JSON Lines), or a folder of such files read as one table." }.RejectingOptions();
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the schema to this file instead of printing it. An existing file is kept unless --force is given.",
            HelpName = "schema.json",
        };
        var maxCategories = new Option<int>("--max-categories")
        {
            Description = "A string column with at most this many distinct values is categorical, with them as its allowed list; beyond that it is text. 0: always text.",
            HelpName = "N",
            DefaultValueFactory = _ => InferenceOptions.DefaultMaxCategories,
        };
        maxCategories.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
                result.AddError("--max-categories cannot be negative. Use 0 for no allowed lists, or a count such as 100.");
        });
        var force = new Option<bool>("--force") { Description = "Replace the --output file if it exists." };
        var label = new Option<string?>("--label")
        {
            Description = "The label column: marked training-only (\"environments\": [\"training\"]), so serving data is validated without it.",
            HelpName = "column",
        };
        var command = new CliCommand(
            "infer",
            "Infers a schema from a data file in one pass: each column's narrowest type (boolean, integer, float, datetime with its format; else categorical with its allowed values when it has few distinct values, text beyond), nullable when a value is empty, min/max of numbers. Review the result, widen the ranges as the data allows, and commit it.",
            InferExample,
            "mlops schema infer data/flights/flights.csv --label delay",
            "mlops schema infer data/flights/flights.csv -o flights.schema.json --max-categories 300 --force")
        {
            data, output, maxCategories, force, label,
        };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(data).FullName, parsed.GetValue(output)?.FullName, new InferenceOptions(parsed.GetValue(maxCategories)) { Label = parsed.GetValue(label) },
            parsed.GetValue(force), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string dataPath, string? outputPath, InferenceOptions options, bool force, TextWriter output, TextWriter error)
    {
        if (outputPath is not null && File.Exists(outputPath) && !force)
            return Reporter.UsageError(error, $"'{outputPath}' already exists and was left as it is. Add --force to replace it, or choose another file with -o.");

        var bag = new DiagnosticBag();
        TableSchema? schema = SchemaInference.Infer(dataPath, bag, options);
        Reporter.Write(error, bag);
        if (schema is null)
            return ExitCodes.For(bag); // null means an error was reported: never 0.

        if (outputPath is null)
        {
            output.Write(SchemaWriter.Serialize(schema));
            return ExitCodes.For(bag); // 0 unless the data had errors beside the schema inferred.
        }

        try
        {
            SchemaWriter.Write(outputPath, schema);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Reporter.UsageError(error, $"cannot write '{outputPath}': {e.Message}");
        }

        output.WriteLine($"{outputPath}: {schema.Columns.Count} column(s) inferred from {dataPath}. Review it (ranges are the observed ones) before committing it.");
        return ExitCodes.For(bag);
    }
}
