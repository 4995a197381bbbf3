using MLOps.Core.Data.Schema;
using MLOps.Core.Spec;
using MLOps.Core.Training;

namespace MLOps.Core.Packaging;

/// <summary>The prediction class, shaped by the task, and the members the model class adds for it.</summary>
public static partial class ApiGenerator
{
    private const string Runtime = "global::MLOps.Runtime";
    private const string NoColumn = "    [global::Microsoft.ML.Data.NoColumn]";

    /// <summary>The implemented interface of the prediction class ("" when none).</summary>
    private static string PredictionBase(ModelSpec spec, TableSchema schema) =>
        spec.Task == TaskType.MulticlassClassification ? $" : {Runtime}.IMulticlassPrediction<{LabelType(spec, schema)}>" : "";

    private static IEnumerable<string> PredictionMembers(ModelSpec spec, TableSchema schema) => spec.Task switch
    {
        TaskType.BinaryClassification =>
        [
            "    /// <summary>True when the model predicts the positive class.</summary>",
            "    public bool PredictedLabel { get; set; }",
            "",
            "    /// <summary>Calibrated probability of the positive class.</summary>",
            "    public float Probability { get; set; }",
            "",
            "    /// <summary>The raw score before calibration.</summary>",
            "    public float Score { get; set; }",
        ],
        TaskType.MulticlassClassification => MulticlassMembers(LabelType(spec, schema)),
        _ =>
        [
            "    /// <summary>The predicted value.</summary>",
            "    public float Score { get; set; }",
        ],
    };

    // Score alone does not say which class each probability belongs to: the classes come from the loaded model
    // (ModelHost reads them from its PredictedLabel key values and sets them on every prediction).
    private static string[] MulticlassMembers(string label) =>
    [
        "    /// <summary>The predicted class: the one with the highest probability.</summary>",
        $"    [global::Microsoft.ML.Data.ColumnName(\"{ModelPipeline.PredictedValueColumn}\")]",
        $"    public {label} PredictedLabel {{ get; set; }}{(label == "string" ? " = \"\";" : "")}",
        "",
        "    /// <summary>One probability per class, in the order of <see cref=\"Classes\"/>.</summary>",
        "    public float[] Score { get; set; } = [];",
        "",
        "    /// <summary>The model's classes in the order of <see cref=\"Score\"/>, read from the loaded model.</summary>",
        NoColumn,
        $"    public global::System.Collections.Generic.IReadOnlyList<{label}> Classes {{ get; set; }} = [];",
        "",
        "    /// <summary>Each class with its probability, in the order of <see cref=\"Classes\"/>.</summary>",
        NoColumn,
        $"    public global::System.Collections.Generic.IReadOnlyList<{Runtime}.ClassProbability<{label}>> Probabilities =>",
        $"        {Runtime}.ClassProbability.Pair(Classes, Score);",
    ];

    /// <summary>Multiclass: <c>model.Classes</c> on a loaded model (a C# 14 extension property of its host).</summary>
    private static IEnumerable<string> ModelMembers(ModelSpec spec, TableSchema schema, Names names)
    {
        if (spec.Task != TaskType.MulticlassClassification)
        {
            yield break;
        }

        string label = LabelType(spec, schema);
        yield return "";
        yield return $"    extension({Runtime}.ModelHost<{names.Input}, {names.Prediction}> model)";
        yield return "    {";
        yield return "        /// <summary>The model's classes, in the order of each prediction's Score, read from the loaded model.</summary>";
        yield return $"        public global::System.Collections.Generic.IReadOnlyList<{label}> Classes => model.GetClasses<{label}>();";
        yield return "    }";
    }

    private static string LabelType(ModelSpec spec, TableSchema schema) => ClrType(schema.Find(spec.Label.Column)!.Type);
}
