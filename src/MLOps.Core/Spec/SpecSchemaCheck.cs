using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Spec;

/// <summary>
/// Checks a spec against its data schema: every feature and the label name a declared column, and
/// each derivation, encoding and label rule fits that column's type.
/// </summary>
public static class SpecSchemaCheck
{
    public static void Check(ModelSpec spec, TableSchema schema, DiagnosticBag bag)
    {
        foreach (FeatureSpec feature in spec.Features)
        {
            ColumnSchema? column = Column(spec, schema, feature.Source, feature.Line, bag);
            if (column is not null && Problem(feature, column) is { } problem)
            {
                bag.Error(Codes.SpecFeatureTypeMismatch, $"Feature {Visible.Quote(feature.Name)}: {problem}", spec.SourcePath, feature.Line);
            }
        }

        ColumnSchema? label = Column(spec, schema, spec.Label.Column, spec.Label.Line, bag);
        if (label is not null && LabelProblem(spec, label) is { } labelProblem)
        {
            bag.Error(Codes.SpecInvalidLabel, $"Label {Visible.Quote(label.Name)} ({label.Type.ToString().ToLowerInvariant()}): {labelProblem}", spec.SourcePath, spec.Label.Line);
        }

        CheckSplitColumn(spec, schema, bag);
        DriftSpecCheck.Check(spec, schema, bag);
    }

    // A time split cuts on instants, so its column must be one the loader reads as a DateTime.
    private static void CheckSplitColumn(ModelSpec spec, TableSchema schema, DiagnosticBag bag)
    {
        if (spec.Split.By is not { } by)
        {
            return;
        }

        ColumnSchema? column = schema.Find(by);
        if (column is null || column.Type != ColumnType.DateTime)
        {
            string found = column is null ? "is not in the schema" : $"is {Describe(column)}";
            var datetimes = schema.Columns.Where(c => c.Type == ColumnType.DateTime).Select(c => c.Name).ToList();
            bag.Error(Codes.SplitColumnInvalid, $"split.by {Visible.Quote(by)} {found}; a time split needs a datetime column of {Visible.Quote(schema.SourcePath)}. "
                + (datetimes.Count > 0 ? $"Its datetime columns are: {Visible.List(datetimes)}." : "It has none: declare the column's type as datetime, or use a random split."), spec.SourcePath, spec.Split.Line);
        }
    }

    private static ColumnSchema? Column(ModelSpec spec, TableSchema schema, string name, int line, DiagnosticBag bag)
    {
        ColumnSchema? column = schema.Find(name);
        if (column is null)
        {
            bag.Error(Codes.SpecColumnNotInSchema, $"Column {Visible.Quote(name)} is not in the schema {Visible.Quote(schema.SourcePath)}. Its columns are: {Visible.List(schema.Columns.Select(c => c.Name))}.", spec.SourcePath, line);
        }

        return column;
    }

    // Free text needs its own encoding: as a number it does not parse, and one-hot would make one input per
    // distinct comment (the model grows with the data) that no unseen comment ever matches.
    private static string? Problem(FeatureSpec feature, ColumnSchema column) => (feature.Derive, feature.Encoding, column.Type) switch
    {
        (not null, _, not ColumnType.DateTime) => $"derive {Visible.Quote(feature.Derive)} needs a datetime column; {Visible.Quote(column.Name)} is {Describe(column)}.",
        (not null, FeatureEncoding.Text, _) => $"derive {Visible.Quote(feature.Derive)} makes a number, and encode: text is for free-text columns. Remove the encode (numeric is the default).",
        (null, _, ColumnType.DateTime) => $"{Visible.Quote(column.Name)} is a datetime; add a derive (hour, day-of-week, month, ...) to turn it into a number.",
        (null, FeatureEncoding.Numeric, ColumnType.Categorical) => $"{Visible.Quote(column.Name)} is categorical; use encode: one-hot.",
        (null, FeatureEncoding.Numeric, ColumnType.Text) => $"{Visible.Quote(column.Name)} is free text; use encode: text.",
        (null, FeatureEncoding.OneHot, ColumnType.Text) => $"{Visible.Quote(column.Name)} is free text; one-hot would make one input per distinct text, and a text not seen in training would match none. Use encode: text, or declare the column categorical in the schema if its values are a bounded set.",
        (null, FeatureEncoding.OneHot, ColumnType.Float) => $"{Visible.Quote(column.Name)} is a float; one-hot needs categories (categorical, integer or boolean). Use encode: numeric.",
        (null, FeatureEncoding.Text, ColumnType.Categorical) => $"{Visible.Quote(column.Name)} is categorical; encode: text is for free-text columns. Use encode: one-hot.",
        (null, FeatureEncoding.Text, not ColumnType.Text) => $"{Visible.Quote(column.Name)} is {Describe(column)}; encode: text is for free-text columns. Use encode: numeric.",
        _ => null,
    };

    private static string? LabelProblem(ModelSpec spec, ColumnSchema column) => LabelProblem(spec.Task, spec.Label.Rule, column);

    /// <summary>Why a label column of this type cannot serve <paramref name="task"/> with <paramref name="rule"/>, or null when it can.</summary>
    public static string? LabelProblem(TaskType task, LabelRule? rule, ColumnSchema column) => (task, rule, column.Type) switch
    {
        (TaskType.BinaryClassification, null, not ColumnType.Boolean) => "a binary label must be a boolean column, or a number with a rule such as when: \"> 15\".",
        (TaskType.BinaryClassification, not null, not (ColumnType.Integer or ColumnType.Float)) => "a label rule compares numbers; this column is not numeric.",
        (not TaskType.BinaryClassification, not null, _) => "label.when applies to binary-classification only.",
        (TaskType.Regression, null, not (ColumnType.Integer or ColumnType.Float)) => "a regression label must be an integer or float column.",
        (TaskType.MulticlassClassification, null, ColumnType.Text) => "free text is not a set of classes; a multiclass label must be a categorical, integer or boolean column. If its values are classes, declare the column categorical in the schema.",
        (TaskType.MulticlassClassification, null, ColumnType.Float or ColumnType.DateTime) => "a multiclass label must be a categorical, integer or boolean column.",
        _ => null,
    };

    private static string Describe(ColumnSchema column) => column.Type.ToString().ToLowerInvariant();
}
