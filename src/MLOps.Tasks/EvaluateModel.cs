using System.Globalization;
using Microsoft.Build.Framework;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.DriftCheck;
using MLOps.Core.Evaluation;
using MLOps.Core.Evaluation.Details;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;

namespace MLOps.Tasks;

/// <summary>
/// Scores the held-out rows with the trained model and writes metrics.json and, beside it, evaluation.json (curves,
/// confusion matrix, residuals, feature importance) and drift-reference.json (the test rows' inputs and the model's
/// predictions, what drift checks compare with); when the split has validation rows, scores them too into
/// validation.metrics.json (same format). Gates read metrics.json (the test split) only.
/// </summary>
public sealed class EvaluateModel : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string TrainingDirectory { get; set; } = "";

    [Required]
    public string MetricsFile { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecLoader.Load(SpecFile, bag) is not { } spec)
        {
            return;
        }

        string model = Path.Combine(TrainingDirectory, ModelTrainer.ModelFileName);
        string testSet = Path.Combine(TrainingDirectory, ModelTrainer.TestSetFileName);
        if (!File.Exists(model) || !File.Exists(testSet))
        {
            bag.Error(Codes.TrainingOutputMissing, $"'{model}' or '{testSet}' is missing. Run the Train target first (dotnet build runs it).", SpecFile);
            return;
        }

        try
        {
            if (ModelEvaluator.EvaluateWithDetails(spec, model, testSet, bag) is not { } result)
            {
                return;
            }

            SortedDictionary<string, double> metrics = result.Metrics;
            // Details first: metrics.json is the step's Outputs stamp, so it must be the last file written.
            string directory = Path.GetDirectoryName(Path.GetFullPath(MetricsFile))!;
            JsonFile.Write(Path.Combine(directory, EvaluationDetails.FileName), result.Details);
            if (SchemaFile.Load(spec.Data.SchemaPath, bag) is not { } schema)
            {
                return;
            }

            TrainingDriftReference.Build(spec, schema, model, testSet).Save(Path.Combine(directory, ModelFiles.DriftReferenceFile));
            JsonFile.Write(MetricsFile, metrics);
            if (!EvaluateValidation(spec, model, bag))
            {
                return;
            }

            Progress($"{spec.Name}: " + string.Join(", ", MetricCatalog.Headline(spec.Task).Where(metrics.ContainsKey)
                .Select(m => $"{m} {metrics[m].ToString("0.0000", CultureInfo.InvariantCulture)}")));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            bag.Error(Codes.EvaluationFailed, $"Evaluating the model failed: {e.Message} Rebuild to retrain; if it persists, check the label column of the held-out rows.", SpecFile);
        }
    }

    /// <summary>validation.metrics.json beside <see cref="MetricsFile"/>: written from validation.idv, deleted when there is none (a stale one would describe another model).</summary>
    public static string ValidationMetricsPath(string metricsFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(metricsFile))!, ModelEvaluator.ValidationMetricsFileName);

    private bool EvaluateValidation(ModelSpec spec, string model, DiagnosticBag bag)
    {
        string validationSet = Path.Combine(TrainingDirectory, ModelTrainer.ValidationSetFileName);
        string output = ValidationMetricsPath(MetricsFile);
        if (!File.Exists(validationSet))
        {
            File.Delete(output);
            return true;
        }

        if (ModelEvaluator.Evaluate(spec.Task, model, validationSet, spec.Trainer.Seed, bag) is not { } metrics)
        {
            return false;
        }

        JsonFile.Write(output, metrics);
        return true;
    }
}
