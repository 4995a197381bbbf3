using System.Globalization;
using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Evaluation.Details;
using MLOps.Core.IO;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Tracking;

/// <summary>
/// Adds what the train, evaluate and profile steps wrote to a run: params (with the split), data fingerprint, model hash,
/// ML.NET version and the sweep it won (tags) from training.json, metrics from metrics.json (test) and validation.metrics.json, and the documents to save.
/// Only reads files (no ML.NET: the file names are constants, compiled in), so it runs inside a build's node.
/// </summary>
internal static class RunOutputs
{
    /// <summary>Run documents by name and the file each is read from.</summary>
    public static IReadOnlyList<(string Name, string File)> Documents { get; } = [("evaluation", EvaluationDetails.FileName), ("profile", ModelFiles.ProfileFile)];

    public static Run Apply(Run run, string directory, DiagnosticBag bag)
    {
        var parameters = new Dictionary<string, string>(run.Params, StringComparer.Ordinal);
        var tools = new Dictionary<string, string>(run.ToolVersions, StringComparer.Ordinal);
        string recordFile = Path.Combine(directory, ModelTrainer.RecordFileName);
        if (File.Exists(recordFile) && IntermediateFile.Read<TrainingRecord>(recordFile, bag) is { } record)
        {
            parameters["trainer"] = record.Trainer;
            parameters["task"] = record.Task;
            parameters["seed"] = Text(record.Seed);
            parameters["spec_sha256"] = record.SpecSha256;
            parameters["split_test_fraction"] = Text(record.TestFraction);
            parameters["split_seed"] = Text(record.SplitSeed);
            foreach ((string name, double value) in record.Parameters)
                parameters[name] = Text(value);
            foreach ((string name, string value) in RunLineage.SplitParams(record.Split).Concat(RunLineage.RetrainParams(record.Retrain)))
                parameters[name] = value;
            tools[RunEnvironment.MLNetTool] = record.MLNetVersion;
            run = run with { DataFingerprint = record.DataFingerprint, ModelSha256 = record.ModelSha256, Tags = RunLineage.WithSweepTags(run.Tags, record.Sweep) };
        }

        List<RunMetric> metrics = [.. ReadMetrics(directory, ModelEvaluator.MetricsFileName, RunMetric.Test), .. ReadMetrics(directory, ModelEvaluator.ValidationMetricsFileName, RunMetric.Validation)];
        return run with { Params = parameters, ToolVersions = tools, Metrics = metrics.Count > 0 ? metrics : run.Metrics };
    }

    /// <summary>The documents present in <paramref name="directory"/>, by run document name.</summary>
    public static IEnumerable<(string Name, string Json)> ReadDocuments(string directory)
    {
        foreach ((string name, string file) in Documents)
        {
            string path = Path.Combine(directory, file);
            if (File.Exists(path))
                yield return (name, File.ReadAllText(path));
        }
    }

    private static IEnumerable<RunMetric> ReadMetrics(string directory, string file, string split)
    {
        string path = Path.Combine(directory, file);
        if (!File.Exists(path))
            return [];
        try
        {
            // metrics.json: { "auc": 0.73, ... } (non-numbers, if any, are not metrics).
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
            return [.. json.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .Select(p => new RunMetric(split, p.Name, p.Value.GetDouble()))];
        }
        catch (JsonException)
        {
            return []; // The gate reports a damaged metrics file; the run is recorded without its metrics.
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
