using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.Core.Training;

namespace MLOps.Core.Sweeps;

/// <summary>What one trial made: its training record and its metrics on the validation split.</summary>
public sealed record TrialOutcome(TrainingRecord Training, IReadOnlyDictionary<string, double> Validation);

/// <summary>
/// Runs one trial: trains the spec's model with the trial's parameters into its own folder (the same rows, the same
/// split seeds as the final model, so only the parameters differ) and scores it on the validation split. The test
/// split is never read: the trainer's copy of it is deleted, and no metrics.json is written (the test split judges
/// only the model the sweep chooses).
/// </summary>
public static class SweepTrialRunner
{
    public static TrialOutcome? Run(ModelSpec spec, TableSchema schema, SweepTrial trial, string outputDir, DiagnosticBag bag, Action<string>? progress = null)
    {
        ModelSpec trialSpec = spec with { Trainer = spec.Trainer with { Parameters = trial.Parameters } };
        TrainingRecord record = new ModelTrainer().Train(trialSpec, schema, outputDir, progress);
        File.Delete(Path.Combine(outputDir, ModelTrainer.TestSetFileName));

        string validation = Path.Combine(outputDir, ModelTrainer.ValidationSetFileName);
        if (!File.Exists(validation))
        {
            bag.Error(Codes.SweepNeedsValidationSplit, $"Trial {trial.Number} has no validation rows ({validation} was not written), so it cannot be judged. Add validation-fraction under split in the spec.", spec.SourcePath);
            return null;
        }

        if (ModelEvaluator.Evaluate(spec.Task, Path.Combine(outputDir, ModelTrainer.ModelFileName), validation, spec.Trainer.Seed, bag) is not { } metrics)
        {
            return null;
        }

        JsonFile.Write(Path.Combine(outputDir, ModelEvaluator.ValidationMetricsFileName), metrics);
        return new TrialOutcome(record, metrics);
    }
}
