using System.CommandLine;
using MLOps.Cli.Progress;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Gates;
using MLOps.Core.IO;
using MLOps.Core.Releases;
using MLOps.Core.Spec;
using MLOps.Core.Tracking;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops train</c>: validates, trains, evaluates (validation and test splits) and applies the absolute gates in-process,
/// into artifacts/&lt;Model&gt;/train/&lt;run id&gt;/ under the repository root: never the project's obj/ or the package flow,
/// so an experiment cannot change what <c>dotnet build</c> and <c>dotnet pack</c> ship. <c>--set</c> overrides a hyperparameter
/// for this run only. Exit 1 when validation or a gate fails, 2 for a usage or configuration error.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The model's folder (holding model.yaml) or its model.yaml, e.g. models/FlightDelay." }.RejectingOptions();
        var set = new Option<string[]>("--set") { Description = "Set a hyperparameter of the spec's trainer for this run only (repeatable).", HelpName = "Param=Value", AllowMultipleArgumentsPerToken = false };
        var tag = new Option<string[]>("--tag") { Description = "Tag the recorded run (repeatable).", HelpName = "key=value", AllowMultipleArgumentsPerToken = false };
        Option<string?> store = RunStoreOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the run (id, folder, split, parameters, metrics per split, gates) as JSON." };
        var command = new CliCommand(
            "train",
            "Trains a model from its spec in-process, outside the build: validates the data, trains, evaluates on the validation and test splits, applies the spec's gates and prints the metrics. Files go to artifacts/<Model>/train/<run id>/.",
            "mlops train models/FlightDelay",
            "mlops train models/FlightDelay/model.yaml --set NumberOfLeaves=63 --set LearningRate=0.05 --tag note=wider",
            "mlops train models/FlightDelay --json > run.json")
        {
            model, set, tag, store, json,
        };
        command.SetAction(parsed => Run(
            new TrainRequest(parsed.GetValue(model)!, parsed.GetValue(set) ?? [], parsed.GetValue(tag) ?? [], parsed.GetValue(store), parsed.GetValue(json)),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(TrainRequest request, TextWriter output, TextWriter error)
    {
        IProgressReporter progress = ProgressReporters.For(error, Environment.GetEnvironmentVariable);
        var bag = new DiagnosticBag();
        string specPath = SpecPath(request.Model);
        ModelSpec? spec = progress.Step("validating", _ => ModelDataCheck.Run(specPath, bag).Spec);
        IReadOnlyDictionary<string, string> tags = TrainTags.Parse(request.Tags, bag);
        spec = spec is not null && !bag.HasErrors ? TrainerOverrides.Apply(spec, request.Sets, bag) : null;
        if (spec is null || bag.HasErrors || SchemaFile.Load(spec.Data.SchemaPath, bag) is not { } schema)
        {
            return Fail(error, bag);
        }

        string root = RepositoryRoot.Find(Path.GetDirectoryName(spec.SourcePath)!);
        using CliRunRecorder? recorder = CliRunRecorder.Start(request.Store, spec.Name, root, SplitRecord.Params(spec.Split), tags, bag);
        if (recorder is null)
        {
            return Fail(error, bag);
        }

        string runId = recorder.Run.Id;
        string folder = Path.Combine(root, "artifacts", spec.Name, "train", runId);
        TrainingRecord? record = progress.Step("training", report => Train(spec, schema, folder, report, bag));
        var metrics = record is null ? null : progress.Step("evaluating", _ => Evaluate(spec, folder, bag));
        if (record is null || metrics is null)
        {
            recorder.Finish(RunStatus.Failed, folder, bag);
            return Fail(error, bag);
        }

        IReadOnlyList<GateVerdict> gates = QualityGate.Check(spec, metrics["test"], bag);
        var result = new TrainResult(runId, spec.Name, folder, spec.Trainer.Name, spec.Trainer.Parameters, record.Split, metrics, gates, record.ModelSha256);
        recorder.Finish(result.Passed ? RunStatus.Succeeded : RunStatus.GateFailed, folder, bag);
        Reporter.Write(error, bag);
        foreach (string line in request.Json ? [JsonFile.Serialize(result).TrimEnd()] : result.Lines(MetricCatalog.For(spec.Task)))
        {
            output.WriteLine(line);
        }

        return bag.HasErrors ? ExitCodes.For(bag) : ExitCodes.Success;
    }

    private static string SpecPath(string model) =>
        Directory.Exists(model) ? Path.Combine(Path.GetFullPath(model), "model.yaml") : Path.GetFullPath(model);

    private static TrainingRecord? Train(ModelSpec spec, TableSchema schema, string folder, Action<string> report, DiagnosticBag bag)
    {
        try
        {
            return new ModelTrainer().Train(spec, schema, folder, report);
        }
        catch (TrainingDataException e)
        {
            bag.Error(e.Code, e.Message, spec.SourcePath, spec.Split.Line > 0 ? spec.Split.Line : 1);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            bag.Error(Codes.TrainingFailed, $"Training {spec.Trainer.Name} failed: {e.Message} Check the data and the label rule, or pick another trainer.", spec.SourcePath, 1);
        }

        return null;
    }

    // metrics.json and validation.metrics.json beside the model, as the build writes them.
    private static Dictionary<string, IReadOnlyDictionary<string, double>>? Evaluate(ModelSpec spec, string folder, DiagnosticBag bag)
    {
        var metrics = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (split, set, file) in new[] { ("test", ModelTrainer.TestSetFileName, ModelEvaluator.MetricsFileName), ("validation", ModelTrainer.ValidationSetFileName, ModelEvaluator.ValidationMetricsFileName) })
        {
            string path = Path.Combine(folder, set);
            if (!File.Exists(path))
            {
                continue;
            }

            if (ModelEvaluator.Evaluate(spec.Task, Path.Combine(folder, ModelTrainer.ModelFileName), path, spec.Trainer.Seed, bag) is not { } values)
            {
                return null;
            }

            JsonFile.Write(Path.Combine(folder, file), values);
            metrics[split] = values;
        }

        return metrics;
    }

    private static int Fail(TextWriter error, DiagnosticBag bag)
    {
        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }
}

internal sealed record TrainRequest(string Model, IReadOnlyList<string> Sets, IReadOnlyList<string> Tags, string? Store, bool Json);
