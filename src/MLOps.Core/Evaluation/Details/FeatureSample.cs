using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Spec;
using MLOps.Core.Training;

namespace MLOps.Core.Evaluation.Details;

/// <summary>
/// The first rows of the scored test split as dense Features vectors and labels, and the task's primary metric
/// of the predictor on any such rows (shuffled or not), computed by ML.NET's own evaluators.
/// </summary>
internal sealed class FeatureSample
{
    private readonly MLContext _ml;
    private readonly DataViewType _labelType;
    private readonly object[] _labels;

    private FeatureSample(MLContext ml, float[][] features, DataViewType labelType, object[] labels)
    {
        _ml = ml;
        Features = features;
        _labelType = labelType;
        _labels = labels;
    }

    public float[][] Features { get; }

    public static FeatureSample Read(MLContext ml, IDataView scored, TaskType task, int rows)
    {
        float[][] features = ScoredColumns.ReadVectors(scored, ModelPipeline.FeaturesColumn, rows);
        DataViewType labelType = scored.Schema[LabelPreparation.LabelColumn].Type;
        object[] labels = task switch
        {
            TaskType.BinaryClassification => [.. ScoredColumns.Read<bool>(scored, LabelPreparation.LabelColumn, rows).Cast<object>()],
            TaskType.MulticlassClassification => [.. ScoredColumns.Read<uint>(scored, LabelPreparation.LabelColumn, rows).Cast<object>()],
            _ => [.. ScoredColumns.ReadSingles(ml, scored, LabelPreparation.LabelColumn, rows).Cast<object>()],
        };
        return new FeatureSample(ml, features, task == TaskType.Regression ? NumberDataViewType.Single : labelType, labels);
    }

    public double Score(ITransformer predictor, TaskType task, float[][] features)
    {
        IDataView rows = _labels[0] switch
        {
            bool => View(features, _labels.Cast<bool>()),
            uint => View(features, _labels.Cast<uint>()),
            _ => View(features, _labels.Cast<float>()),
        };
        IDataView scored = predictor.Transform(rows);
        return task switch
        {
            TaskType.BinaryClassification => scored.Schema.GetColumnOrNull("Probability") is null
                ? _ml.BinaryClassification.EvaluateNonCalibrated(scored, LabelPreparation.LabelColumn).AreaUnderRocCurve
                : _ml.BinaryClassification.Evaluate(scored, LabelPreparation.LabelColumn).AreaUnderRocCurve,
            TaskType.MulticlassClassification => _ml.MulticlassClassification.Evaluate(scored, LabelPreparation.LabelColumn).MacroAccuracy,
            _ => _ml.Regression.Evaluate(scored, LabelPreparation.LabelColumn).RSquared,
        };
    }

    /// <summary>Rows of (Features, Label) with the vector length and label type (a key, for multiclass) the predictor expects.</summary>
    private IDataView View<T>(float[][] features, IEnumerable<T> labels)
    {
        SchemaDefinition definition = SchemaDefinition.Create(typeof(Row<T>));
        definition[nameof(Row<T>.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].Length);
        definition[nameof(Row<T>.Label)].ColumnType = _labelType;
        return _ml.Data.LoadFromEnumerable(features.Zip(labels, (f, l) => new Row<T> { Features = f, Label = l }).ToArray(), definition);
    }

    private sealed class Row<T>
    {
        public float[] Features { get; set; } = [];

        public T Label { get; set; } = default!;
    }
}
