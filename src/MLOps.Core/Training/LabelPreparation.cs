using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Spec;

namespace MLOps.Core.Training;

/// <summary>
/// Turns the spec's label column into the "Label" column a trainer reads. It runs on the training data
/// only and is not part of the saved model: a service never has the label.
/// </summary>
public static class LabelPreparation
{
    public const string LabelColumn = "Label";
    private const string SourceColumn = "__mlops_label_source";

    public static IEstimator<ITransformer> For(MLContext ml, ModelSpec spec)
    {
        string column = spec.Label.Column;
        return (spec.Task, spec.Label.Rule) switch
        {
            (TaskType.BinaryClassification, { } rule) => ml.Transforms.CopyColumns(SourceColumn, column)
                .Append(ml.Transforms.CustomMapping<RuleInput, RuleOutput>(Compile(rule), contractName: null)),
            (TaskType.MulticlassClassification, _) => ml.Transforms.Conversion.MapValueToKey(LabelColumn, column),
            _ => ml.Transforms.CopyColumns(LabelColumn, column),
        };
    }

    private static Action<RuleInput, RuleOutput> Compile(LabelRule rule)
    {
        Func<double, bool> test = rule.Operator switch
        {
            ">" => v => v > rule.Value,
            ">=" => v => v >= rule.Value,
            "<" => v => v < rule.Value,
            "<=" => v => v <= rule.Value,
            "==" => v => v == rule.Value,
            "!=" => v => v != rule.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Operator, "validated by SpecLoader"),
        };
        return (input, output) => output.Label = test(input.Value);
    }

    private sealed class RuleInput
    {
        [ColumnName(SourceColumn)]
        public float Value { get; set; }
    }

    private sealed class RuleOutput
    {
        [ColumnName(LabelColumn)]
        public bool Label { get; set; }
    }
}
