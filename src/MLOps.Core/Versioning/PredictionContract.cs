using MLOps.Core.Data.Schema;
using MLOps.Core.Packaging;
using MLOps.Core.Spec;

namespace MLOps.Core.Versioning;

/// <summary>
/// The public members of the prediction class <see cref="ApiGenerator"/> writes for each task, with their C# types as
/// written there (a unit test compiles the two against each other's text, so they cannot drift apart).
/// </summary>
internal static class PredictionContract
{
    private const string List = "global::System.Collections.Generic.IReadOnlyList";

    public static IReadOnlyList<ContractOutput> Outputs(ModelSpec spec, TableSchema schema) => spec.Task switch
    {
        TaskType.BinaryClassification => [new("PredictedLabel", "bool"), new("Probability", "float"), new("Score", "float")],
        TaskType.MulticlassClassification => Multiclass(ApiGenerator.ClrType(schema.Find(spec.Label.Column)!.Type)),
        _ => [new("Score", "float")],
    };

    private static ContractOutput[] Multiclass(string label) =>
    [
        new("PredictedLabel", label),
        new("Score", "float[]"),
        new("Classes", $"{List}<{label}>"),
        new("Probabilities", $"{List}<global::MLOps.Runtime.ClassProbability<{label}>>"),
    ];
}
