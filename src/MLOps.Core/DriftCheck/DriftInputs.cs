using MLOps.Core.Drift.Columns;

using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Schema;
using MLOps.Core.Spec;

namespace MLOps.Core.DriftCheck;

/// <summary>A model input column and how a drift check reads it.</summary>
public sealed record DriftInput(string Name, ColumnType Type)
{
    public bool IsDateTime => Type == ColumnType.DateTime;

    public bool IsNumber => Type is ColumnType.Integer or ColumnType.Float;
}

/// <summary>Which columns are the model's inputs: from the spec and its schema, or from the model's own input schema.</summary>
public static class DriftInputs
{
    public static IReadOnlyList<DriftInput> From(ModelSpec spec, TableSchema schema) =>
        [.. spec.Features.Select(f => f.Source).Distinct(StringComparer.Ordinal)
            .Select(name => schema.Find(name) is { } c ? new DriftInput(c.Name, c.Type) : null).OfType<DriftInput>()];

    private const string ServingEnvironment = "serving";

    /// <summary>
    /// The model's saved input schema, typed by the schema file when there is one (an integer is a float to ML.NET). It
    /// holds the label the model was trained with, which the schema declares for training only: that one is left out.
    /// </summary>
    public static IReadOnlyList<DriftInput> From(DataViewSchema modelInputs, TableSchema? schema) =>
        [.. modelInputs.Where(c => !c.IsHidden && schema?.Find(c.Name)?.AppliesIn(ServingEnvironment) != false).Select(c => schema?.Find(c.Name) is { } declared ? new DriftInput(declared.Name, declared.Type) : new DriftInput(c.Name, TypeOf(c.Type)))];

    /// <summary>
    /// The inputs a drift reference was built from, when nothing else says: a column with .hour, .day_of_week and .month
    /// parts was a datetime; the rest are numbers or categories as summarised. The prediction is not an input.
    /// </summary>
    public static IReadOnlyList<DriftInput> From(Drift.DriftReference reference)
    {
        var inputs = new List<DriftInput>();
        var names = reference.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (Drift.Columns.DriftColumn column in reference.Columns.Where(c => !c.Name.StartsWith(DriftSample.PredictionPrefix, StringComparison.Ordinal)))
        {
            string name = column.Name;
            if (name.EndsWith(".hour", StringComparison.Ordinal) && names.Contains(Drift.DateTimeParts.DayOfWeek(name[..^5])) && names.Contains(Drift.DateTimeParts.Month(name[..^5])))
            {
                inputs.Add(new DriftInput(name[..^5], ColumnType.DateTime));
            }
            else if (!inputs.Exists(i => i.IsDateTime && (name == Drift.DateTimeParts.DayOfWeek(i.Name) || name == Drift.DateTimeParts.Month(i.Name))))
            {
                inputs.Add(new DriftInput(name, column.Kind == Drift.Columns.DriftColumnKind.Numeric ? ColumnType.Float : ColumnType.Categorical));
            }
        }

        return inputs;
    }

    private static ColumnType TypeOf(DataViewType type) => type switch
    {
        DateTimeDataViewType => ColumnType.DateTime,
        BooleanDataViewType => ColumnType.Boolean,
        TextDataViewType => ColumnType.Categorical,
        _ => ColumnType.Float,
    };
}
