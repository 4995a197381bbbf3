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

    /// <param name="classes">The model's classes in its Score order: the label and the prediction become keys in that order
    /// (ML.NET's own MapValueToKey), as the scored test split has them; a label the model never saw is a missing key, which the
    /// evaluator skips.</param>
    public static SortedDictionary<string, double> Multiclass(IReadOnlyList<MulticlassRow> rows, IReadOnlyList<string> classes)
    {
        SchemaDefinition definition = SchemaDefinition.Create(typeof(MulticlassRow));
        definition[nameof(MulticlassRow.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes.Count);
        return Evaluate(TaskType.MulticlassClassification, ml =>
        {
            IDataView keys = ml.Data.LoadFromEnumerable(classes.Select(c => new ClassValue { Value = c }));
            IDataView data = ml.Data.LoadFromEnumerable(rows, definition);
            return ml.Transforms.Conversion.MapValueToKey(nameof(MulticlassRow.Label), keyData: keys)
                .Append(ml.Transforms.Conversion.MapValueToKey(nameof(MulticlassRow.PredictedLabel), keyData: keys))
                .Fit(data).Transform(data);
        });
    }

    private static SortedDictionary<string, double> Evaluate(TaskType task, Func<MLContext, IDataView> rows)
    {
        var ml = new MLContext(seed: 0);
        return ModelEvaluator.Evaluate(task, ml, rows(ml));
    }

    private sealed class ClassValue
    {
        public string Value { get; set; } = "";
    }
}
