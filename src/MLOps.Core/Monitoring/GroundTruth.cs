using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Training;

namespace MLOps.Core.Monitoring;

/// <summary>
/// The labels that arrived after the predictions: a CSV, JSON Lines or Parquet file (or a folder of them) with a
/// <c>request_id</c> column and the spec's label column, as the training data has it (FlightDelay: <c>delay</c> in minutes).
/// The file is validated like any data (the label column's schema rules, MLOPS1xxx), and the label is derived exactly as
/// training derives it (<see cref="LabelPreparation"/>: <c>delay &gt; 15</c> becomes true), so a live metric and the training
/// metric measure the same thing. Binary labels are 1 or 0, regression labels the value; multiclass labels are the class
/// as text (<see cref="Classes"/>), since the model's class order, not the label file's, decides the key.
/// </summary>
public sealed class GroundTruth
{
    /// <summary>The column that joins a label to its prediction (the prediction log's request_id).</summary>
    public const string RequestIdColumn = "request_id";

    private GroundTruth(IReadOnlyDictionary<string, float> values, IReadOnlyDictionary<string, string> classes, long rows, long duplicates)
    {
        Values = values;
        Classes = classes;
        Rows = rows;
        Duplicates = duplicates;
    }

    /// <summary>Binary (1 or 0) and regression labels by request id.</summary>
    public IReadOnlyDictionary<string, float> Values { get; }

    /// <summary>Multiclass labels by request id.</summary>
    public IReadOnlyDictionary<string, string> Classes { get; }

    public long Rows { get; }

    /// <summary>Rows whose request id an earlier row already had (the first label is used).</summary>
    public long Duplicates { get; }

    public int Count => Values.Count + Classes.Count;

    /// <summary>Reads and validates the labels; null when the file fails validation (diagnostics in <paramref name="bag"/>).</summary>
    public static GroundTruth? Read(string path, ModelSpec spec, TableSchema schema, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(bag);
        ColumnSchema label = schema.Find(spec.Label.Column) ?? throw new ArgumentException($"The schema has no label column {spec.Label.Column}; SpecSchemaCheck checks it.", nameof(schema));
        // The label file's own schema: the request id, and the label column as the training data declares it (in every environment).
        var labels = new TableSchema([new ColumnSchema(RequestIdColumn, ColumnType.Text), label with { Environments = null, Required = true }], schema.SourcePath);
        DataValidator.Validate(path, labels, bag);
        if (bag.HasErrors)
        {
            return null;
        }

        var ml = new MLContext(seed: spec.Trainer.Seed);
        IDataView raw = TableLoader.Load(ml, path, labels, [RequestIdColumn, label.Name]);
        return spec.Task == TaskType.MulticlassClassification ? ReadClasses(raw, label.Name) : ReadValues(ml, spec, raw);
    }

    private static GroundTruth ReadValues(MLContext ml, ModelSpec spec, IDataView raw)
    {
        IDataView derived = LabelPreparation.For(ml, spec).Fit(raw).Transform(raw);
        DataViewSchema.Column labelColumn = derived.Schema[LabelPreparation.LabelColumn];
        var values = new Dictionary<string, float>(StringComparer.Ordinal);
        long rows = 0, duplicates = 0;
        using DataViewRowCursor cursor = derived.GetRowCursor([derived.Schema[RequestIdColumn], labelColumn]);
        ValueGetter<ReadOnlyMemory<char>> id = cursor.GetGetter<ReadOnlyMemory<char>>(derived.Schema[RequestIdColumn]);
        Func<float> value = labelColumn.Type is BooleanDataViewType ? BooleanValue(cursor.GetGetter<bool>(labelColumn)) : NumberValue(cursor.GetGetter<float>(labelColumn));
        ReadOnlyMemory<char> text = default;
        while (cursor.MoveNext())
        {
            rows++;
            id(ref text);
            duplicates += values.TryAdd(text.ToString(), value()) ? 0 : 1;
        }
        return new GroundTruth(values, new Dictionary<string, string>(), rows, duplicates);
    }

    private static GroundTruth ReadClasses(IDataView raw, string label)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        long rows = 0, duplicates = 0;
        DataViewSchema.Column labelColumn = raw.Schema[label];
        using DataViewRowCursor cursor = raw.GetRowCursor([raw.Schema[RequestIdColumn], labelColumn]);
        ValueGetter<ReadOnlyMemory<char>> id = cursor.GetGetter<ReadOnlyMemory<char>>(raw.Schema[RequestIdColumn]);
        Func<string> value;
        if (labelColumn.Type is TextDataViewType)
        {
            value = TextValue(cursor.GetGetter<ReadOnlyMemory<char>>(labelColumn));
        }
        else if (labelColumn.Type is BooleanDataViewType)
        {
            Func<float> b = BooleanValue(cursor.GetGetter<bool>(labelColumn));
            value = () => b() == 1 ? "true" : "false";
        }
        else
        {
            Func<float> n = NumberValue(cursor.GetGetter<float>(labelColumn));
            value = () => n().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }
        ReadOnlyMemory<char> text = default;
        while (cursor.MoveNext())
        {
            rows++;
            id(ref text);
            duplicates += classes.TryAdd(text.ToString(), value()) ? 0 : 1;
        }
        return new GroundTruth(new Dictionary<string, float>(), classes, rows, duplicates);
    }

    private static Func<float> BooleanValue(ValueGetter<bool> get) => () =>
    {
        bool b = false;
        get(ref b);
        return b ? 1f : 0f;
    };

    private static Func<float> NumberValue(ValueGetter<float> get) => () =>
    {
        float f = 0;
        get(ref f);
        return f;
    };

    private static Func<string> TextValue(ValueGetter<ReadOnlyMemory<char>> get) => () =>
    {
        ReadOnlyMemory<char> m = default;
        get(ref m);
        return m.ToString();
    };
}
