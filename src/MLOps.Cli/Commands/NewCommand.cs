using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Scaffolding;
using MLOps.Core.Spec;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops new model</c>: a new model's model.yaml and schema.json from a data file and its label column, as the
/// ScaffoldModel build task writes them (the core's <see cref="ModelScaffolder"/>). Existing files are never replaced.
/// Every failure is a usage or configuration error (exit 2): there is no check to fail yet.
/// </summary>
internal static class NewCommand
{
    private const string ModelExample = "mlops new model Churn --data data/churn.csv --label churned -o models/Churn";

    public static Command Create() =>
        new CliCommand("new", "Starts new things from data: a model (model.yaml and its schema.json).", ModelExample)
        {
            CreateModel(),
        };

    private static CliCommand CreateModel()
    {
        var name = new Argument<string>("name") { Description = "The model's name, a C# identifier: it names the spec, the typed API (<name>Model) and the package." }.RejectingOptions();
        var data = new Option<string>("--data")
        {
            Description = "The training data: a CSV, Parquet or JSON Lines file, or a folder of such parts. The spec names it relative to its own folder.",
            HelpName = "file|folder",
            Required = true,
        };
        var label = new Option<string>("--label")
        {
            Description = "The column the model predicts. Its type picks the task: boolean or a number with two values: binary-classification; categorical: multiclass-classification; a number with more values: regression.",
            HelpName = "column",
            Required = true,
        };
        var task = new Option<string?>("--task") { Description = "The task, instead of the one inferred from the label.", HelpName = "task" };
        task.AcceptOnlyFromAmong([.. SpecNames.Tasks.Keys]);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The model's folder, where model.yaml and schema.json are written (default: ./<name>). Existing files there are never replaced.",
            HelpName = "folder",
        };
        var command = new CliCommand(
            "model",
            "Scaffolds a model from data: infers the data's schema (schema.json, the label training-only), the task from the label, one feature per other column (numbers numeric, categories one-hot, free text text, dates their hour, day of week and month), LightGbm and the split seeded with 42, and the task's gates commented out for you to set. Review both files, then dotnet build trains the model.",
            ModelExample,
            "mlops new model Churn --data data/churn.csv --label churned",
            "mlops new model Plans --data exports/2026-11/ --label plan --task multiclass-classification -o models/Plans")
        {
            name, data, label, task, output,
        };
        command.SetAction(parsed =>
        {
            string model = parsed.GetRequiredValue(name);
            var request = new ScaffoldRequest(parsed.GetRequiredValue(data), parsed.GetRequiredValue(label), model,
                parsed.GetValue(output) ?? model, parsed.GetValue(task));
            return Run(request, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
        });
        return command;
    }

    private static int Run(ScaffoldRequest request, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        ScaffoldedModel? model = ModelScaffolder.Write(request, bag);
        Reporter.Write(error, bag);
        if (model is null)
            return ExitCodes.UsageError;

        string folder = PortablePath.Relative(Directory.GetCurrentDirectory(), request.ModelDirectory);
        output.WriteLine($"{folder}/{ModelScaffolder.SpecFileName}: {request.ModelName}, {SpecNames.Of(model.Task)} of '{request.Label}' from {model.Features.Count} feature(s)");
        output.WriteLine($"{folder}/{ModelScaffolder.SchemaFileName}: {model.Schema.Columns.Count} column(s) inferred from the data, '{request.Label}' training-only");
        output.WriteLine("Review both files (ranges and categories are the observed ones), set the gates in model.yaml, then build the model to train it.");
        return ExitCodes.Success;
    }
}
