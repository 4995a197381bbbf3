namespace MLOps.Core.Spec;

/// <summary>The spellings the spec file uses for task types and encodings.</summary>
public static class SpecNames
{
    public static IReadOnlyDictionary<string, TaskType> Tasks { get; } = new Dictionary<string, TaskType>(StringComparer.Ordinal)
    {
        ["binary-classification"] = TaskType.BinaryClassification,
        ["multiclass-classification"] = TaskType.MulticlassClassification,
        ["regression"] = TaskType.Regression,
    };

    public static IReadOnlyDictionary<string, FeatureEncoding> Encodings { get; } = new Dictionary<string, FeatureEncoding>(StringComparer.Ordinal)
    {
        ["numeric"] = FeatureEncoding.Numeric,
        ["one-hot"] = FeatureEncoding.OneHot,
        ["text"] = FeatureEncoding.Text,
    };

    public static IReadOnlyList<string> LabelOperators { get; } = [">", ">=", "<", "<=", "==", "!="];

    public static string Of(TaskType task) => Tasks.First(t => t.Value == task).Key;
}
