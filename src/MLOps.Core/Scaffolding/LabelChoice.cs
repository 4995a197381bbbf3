using System.Globalization;
using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;

namespace MLOps.Core.Scaffolding;

/// <summary>
/// The task a label column calls for, and the rule that makes a two-valued number a binary label: boolean -> binary;
/// a number with two values -> binary, the larger value the positive class (<c>when: "== 1"</c> for 0/1); a number with
/// more -> regression; categorical -> multiclass (the spec's binary labels are booleans or numbers with a rule, so a
/// two-valued category is two classes). A requested task is checked with the spec's own label rules
/// (<see cref="SpecSchemaCheck.LabelProblem(TaskType, LabelRule?, ColumnSchema)"/>). <see cref="Why"/> is the comment
/// the spec carries beside its task.
/// </summary>
public sealed record LabelChoice(TaskType Task, LabelRule? Rule, string Why)
{
    /// <summary>The choice, or null when a problem was reported to <paramref name="bag"/> (at <paramref name="file"/>).</summary>
    public static LabelChoice? For(ColumnSchema label, int distinct, TaskType? requested, string file, DiagnosticBag bag)
    {
        string name = label.Name;
        string? unusable = label.Type switch
        {
            ColumnType.Text => $"label {Visible.Quote(name)} is free text (more distinct strings than {InferenceOptions.DefaultMaxCategories}, too many to be classes), which no task can learn. Pick another label column; if its values really are classes, infer the schema with a higher limit (mlops schema infer --max-categories) and write the spec by hand.",
            ColumnType.DateTime => $"label {Visible.Quote(name)} is a date/time, which no task can learn. Pick another label column, or derive a number (an age, a delay) from it in the data.",
            _ when distinct == 0 => $"label {Visible.Quote(name)} has no values: every row leaves it empty. Pick a label column that holds what the model should predict.",
            _ when distinct == 1 => $"label {Visible.Quote(name)} has a single value in every row, so there is nothing to learn. Pick a label column with at least two values.",
            _ => null,
        };
        if (unusable is not null)
        {
            bag.Error(Codes.ScaffoldLabelUnusable, unusable, file);
            return null;
        }

        LabelChoice inferred = Infer(label, distinct);
        if (requested is not { } task || task == inferred.Task)
        {
            return inferred;
        }

        LabelRule? rule = task == TaskType.BinaryClassification ? BinaryRule(label, distinct) : null;
        if (SpecSchemaCheck.LabelProblem(task, rule, label) is { } problem)
        {
            bag.Error(Codes.ScaffoldTaskDoesNotFitLabel,
                $"task {SpecNames.Of(task)} does not fit label {Visible.Quote(name)} ({Type(label)}): {problem} Leave the task out to have it inferred ({SpecNames.Of(inferred.Task)} for this label).", file);
            return null;
        }
        string why = rule is not null && distinct > 2
            ? $"asked for; {Visible.Quote(name)} is a number with more than two values, so the rule below splits its observed range in the middle: set the threshold that makes a row positive"
            : $"asked for; inferred from {Visible.Quote(name)} ({Type(label)}) it would be {SpecNames.Of(inferred.Task)}";
        return new LabelChoice(task, rule, why);
    }

    private static LabelChoice Infer(ColumnSchema label, int distinct) => label.Type switch
    {
        ColumnType.Boolean => new(TaskType.BinaryClassification, null, $"inferred: {Visible.Quote(label.Name)} is boolean"),
        ColumnType.Integer or ColumnType.Float when distinct == 2 => new(TaskType.BinaryClassification, BinaryRule(label, distinct),
            $"inferred: {Visible.Quote(label.Name)} has two values, {Number(label.Min)} and {Number(label.Max)}; {Number(label.Max)} is the positive class"),
        ColumnType.Integer => new(TaskType.Regression, null,
            $"inferred: {Visible.Quote(label.Name)} is an integer with more than two values; if its values are classes, use multiclass-classification"),
        ColumnType.Float => new(TaskType.Regression, null, $"inferred: {Visible.Quote(label.Name)} is a number with more than two values"),
        _ when distinct == 2 => new(TaskType.MulticlassClassification, null,
            $"inferred: {Visible.Quote(label.Name)} is categorical with two values ({string.Join(", ", label.Allowed ?? [])}); a binary label must be a boolean or a number with a rule, so it is two classes. For a binary model write it as true/false (or 1/0) in the data"),
        _ => new(TaskType.MulticlassClassification, null, $"inferred: {Visible.Quote(label.Name)} is categorical with {distinct} values"),
    };

    // Two values: the larger is the positive class. More: the middle of the observed range, which leaves both
    // classes non-empty (the minimum is below it, the maximum above), for the user to replace with a real threshold.
    private static LabelRule? BinaryRule(ColumnSchema label, int distinct) =>
        label is { Type: ColumnType.Integer or ColumnType.Float, Min: { } min, Max: { } max }
            ? distinct == 2 ? new LabelRule("==", max) : new LabelRule(">", min + ((max - min) / 2))
            : null;

    private static string Type(ColumnSchema column) => column.Type.ToString().ToLowerInvariant();

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
