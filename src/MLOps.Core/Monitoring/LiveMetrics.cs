using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Evaluation;
using MLOps.Core.Spec;

namespace MLOps.Core.Monitoring;

/// <summary>
/// The live metrics: the labelled predictions as an in-memory <see cref="IDataView"/> shaped like a scored test split, through
/// the evaluator training uses (<see cref="ModelEvaluator"/>, ML.NET's own), so a live metric has the training metric's name,
/// definition and units (log-loss in bits, as ML.NET reports it; log_loss_nats beside it).
/// </summary>
public static class LiveMetrics
{
    public static SortedDictionary<string, double> Binary(IReadOnlyList<BinaryRow> rows) =>
        Evaluate(TaskType.BinaryClassification, ml => ml.Data.LoadFromEnumerable(rows));

    public static SortedDictionary<string, double> Regression(IReadOnlyList<RegressionRow> rows) =>
        Evaluate(TaskType.Regression, ml => ml.Data.LoadFromEnumerable(rows));

    public static SortedDictionary<string, double> Multiclass(IReadOnlyList<MulticlassRow> rows, int classes)
    {
        // The labels and predictions are keys over the model's classes, and Score has one slot per class, as in a scored split.
        SchemaDefinition definition = SchemaDefinition.Create(typeof(MulticlassRow));
        definition[nameof(MulticlassRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        definition[nameof(MulticlassRow.PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        definition[nameof(MulticlassRow.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes);
        return Evaluate(TaskType.MulticlassClassification, ml => ml.Data.LoadFromEnumerable(rows, definition));
    }

    private static SortedDictionary<string, double> Evaluate(TaskType task, Func<MLContext, IDataView> rows)
    {
        var ml = new MLContext(seed: 0);
        return ModelEvaluator.Evaluate(task, ml, rows(ml));
    }
}
