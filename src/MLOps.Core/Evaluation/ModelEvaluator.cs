using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation.Details;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.Core.Training;
using MLOps.ModelFormat;

namespace MLOps.Core.Evaluation;

/// <summary>
/// Scores the held-out rows the train step saved and computes the task's metrics (names in
/// <see cref="MetricCatalog"/>), sorted by name so metrics.json is stable.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>The test split's metrics, the file the gates read.</summary>
    public const string MetricsFileName = "metrics.json";

    /// <summary>The validation split's metrics, beside metrics.json (the test split's) and in its format.</summary>
    public const string ValidationMetricsFileName = "validation.metrics.json";

    public static SortedDictionary<string, double> Evaluate(TaskType task, string modelPath, string testSetPath, int seed)
    {
        var ml = new MLContext(seed: seed);
        ITransformer model = ModelLoader.Load(ml, modelPath, out _);
        return Evaluate(task, ml, model.Transform(ml.Data.LoadFromBinary(testSetPath)));
    }

    /// <summary>
    /// As <see cref="Evaluate(TaskType, string, string, int)"/>, but a damaged model file or held-out set (cut short,
    /// not what the train step wrote) is reported as MLOPS2006 naming it, and null returned.
    /// </summary>
    public static SortedDictionary<string, double>? Evaluate(TaskType task, string modelPath, string testSetPath, int seed, DiagnosticBag bag)
    {
        var ml = new MLContext(seed: seed);
        ITransformer? model = Open(modelPath, bag, () => ModelLoader.Load(ml, modelPath, out _));
        IDataView? testSet = Open(testSetPath, bag, () => ml.Data.LoadFromBinary(testSetPath));
        if (model is null || testSet is null)
        {
            return null;
        }

        // The held-out rows are read while scoring: a file cut short after its header fails here.
        return Open(testSetPath, bag, () => Evaluate(task, ml, model.Transform(testSet)));
    }

    /// <summary>
    /// As <see cref="Evaluate(TaskType, string, string, int, DiagnosticBag)"/>, and also the evaluation details the
    /// report draws (evaluation.json), from the same loaded model and held-out rows.
    /// </summary>
    public static EvaluationResult? EvaluateWithDetails(ModelSpec spec, string modelPath, string testSetPath, DiagnosticBag bag)
    {
        var ml = new MLContext(seed: spec.Trainer.Seed);
        ITransformer? model = Open(modelPath, bag, () => ModelLoader.Load(ml, modelPath, out _));
        IDataView? testSet = Open(testSetPath, bag, () => ml.Data.LoadFromBinary(testSetPath));
        if (model is null || testSet is null)
        {
            return null;
        }

        return Open(testSetPath, bag, () =>
        {
            // Scored once and kept: the metrics, the curves and the importance sample all read it.
            IDataView scored = ml.Data.Cache(model.Transform(testSet));
            return new EvaluationResult(Evaluate(spec.Task, ml, scored), EvaluationDetailsBuilder.Build(ml, spec, model, scored));
        });
    }

    private static T? Open<T>(string path, DiagnosticBag bag, Func<T> open)
        where T : class
    {
        try
        {
            return open();
        }
        catch (Exception e) when (IntermediateFile.IsDamage(e) || (e is FormatException && e.InnerException is not null && IntermediateFile.IsDamage(e.InnerException)))
        {
            IntermediateFile.Report(path, e.InnerException is { } inner ? $"{e.Message}: {inner.Message}" : e.Message, bag);
            return null;
        }
    }

    internal static SortedDictionary<string, double> Evaluate(TaskType task, MLContext ml, IDataView scored)
    {
        return task switch
        {
            TaskType.BinaryClassification => Binary(ml, scored),
            TaskType.MulticlassClassification => Multiclass(ml, scored),
            TaskType.Regression => Regression(ml, scored),
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
    }

    private static SortedDictionary<string, double> Binary(MLContext ml, IDataView scored)
    {
        CalibratedBinaryClassificationMetrics m = ml.BinaryClassification.Evaluate(scored, LabelPreparation.LabelColumn);
        return Sorted(new()
        {
            ["auc"] = m.AreaUnderRocCurve,
            ["accuracy"] = m.Accuracy,
            ["f1"] = m.F1Score,
            ["log_loss"] = m.LogLoss,
            ["log_loss_nats"] = m.LogLoss * Math.Log(2),
            ["auprc"] = m.AreaUnderPrecisionRecallCurve,
            ["positive_precision"] = m.PositivePrecision,
            ["positive_recall"] = m.PositiveRecall,
        });
    }

    private static SortedDictionary<string, double> Multiclass(MLContext ml, IDataView scored)
    {
        MulticlassClassificationMetrics m = ml.MulticlassClassification.Evaluate(scored, LabelPreparation.LabelColumn);
        return Sorted(new()
        {
            ["macro_accuracy"] = m.MacroAccuracy,
            ["micro_accuracy"] = m.MicroAccuracy,
            ["log_loss"] = m.LogLoss,
            ["log_loss_nats"] = m.LogLoss * Math.Log(2),
        });
    }

    private static SortedDictionary<string, double> Regression(MLContext ml, IDataView scored)
    {
        RegressionMetrics m = ml.Regression.Evaluate(scored, LabelPreparation.LabelColumn);
        return Sorted(new()
        {
            ["rmse"] = m.RootMeanSquaredError,
            ["mae"] = m.MeanAbsoluteError,
            ["mse"] = m.MeanSquaredError,
            ["r_squared"] = m.RSquared,
        });
    }

    private static SortedDictionary<string, double> Sorted(Dictionary<string, double> metrics) =>
        new(metrics, StringComparer.Ordinal);
}
