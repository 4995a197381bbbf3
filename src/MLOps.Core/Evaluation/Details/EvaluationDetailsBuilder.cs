using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Spec;
using MLOps.Core.Training;

namespace MLOps.Core.Evaluation.Details;

/// <summary>
/// Builds evaluation.json from the scored test split: curves and calibration (binary), the confusion matrix
/// (classification), a residual sample (regression) and permutation feature importance (every task).
/// </summary>
public static class EvaluationDetailsBuilder
{
    public const int MaxResiduals = 2000;

    public static EvaluationDetails Build(MLContext ml, ModelSpec spec, ITransformer model, IDataView scored)
    {
        FeatureImportance? importance = PermutationImportance.Compute(ml, spec, model, scored, spec.Trainer.Seed);
        string task = SpecNames.Of(spec.Task);
        if (spec.Task == TaskType.BinaryClassification)
            return Binary(scored, task, importance);
        long rows = ScoredColumns.CountRows(scored);
        return spec.Task switch
        {
            TaskType.MulticlassClassification => new(EvaluationDetails.CurrentVersion, task, rows, null, ClassMatrix.Multiclass(scored), null, importance),
            _ => new(EvaluationDetails.CurrentVersion, task, rows, null, null, Residuals(ml, scored, rows), importance),
        };
    }

    private static EvaluationDetails Binary(IDataView scored, string task, FeatureImportance? importance)
    {
        // Calibrated trainers add Probability; without it the raw score still orders the rows for the curves.
        string scoreColumn = scored.Schema.GetColumnOrNull("Probability") is null ? "Score" : "Probability";
        (List<bool> labels, List<float> scores, List<bool> predicted) = ScoredColumns.ReadBinary(scored, LabelPreparation.LabelColumn, scoreColumn, "PredictedLabel");
        BinaryCurves curves = BinaryCurveBuilder.Build(scoreColumn, labels, scores);
        if (scoreColumn != "Probability")
            curves = curves with { Calibration = [] }; // A raw score is not a probability: nothing to calibrate against.
        return new(EvaluationDetails.CurrentVersion, task, labels.Count, curves, ClassMatrix.Binary(labels, predicted), null, importance);
    }

    private static ResidualSample Residuals(MLContext ml, IDataView scored, long rows)
    {
        List<float> actual = ScoredColumns.ReadSingles(ml, scored, LabelPreparation.LabelColumn, MaxResiduals);
        List<float> predicted = ScoredColumns.Read<float>(scored, "Score", MaxResiduals);
        return new ResidualSample(rows, [.. actual.Zip(predicted, (a, p) => new ResidualPoint(EvaluationDetails.Round(a), EvaluationDetails.Round(p)))]);
    }
}
