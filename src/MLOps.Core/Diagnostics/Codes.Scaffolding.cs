namespace MLOps.Core.Diagnostics;

// Starting a model from data: `mlops new model`, the ScaffoldModel task and its MLOpsNewModel target (MLOPS0040..0049).
public static partial class Codes
{
    /// <summary>The label column given to scaffold a model is not a column of the data.</summary>
    public const string ScaffoldLabelNotInData = "MLOPS0040";

    /// <summary>The label column cannot be learned: free text, a date/time, or a single value throughout.</summary>
    public const string ScaffoldLabelUnusable = "MLOPS0041";

    /// <summary>The task asked for (--task, MLOpsNewTask) does not fit the label column's type.</summary>
    public const string ScaffoldTaskDoesNotFitLabel = "MLOPS0042";

    /// <summary>model.yaml or schema.json already exists in the new model's folder: nothing was written.</summary>
    public const string ScaffoldFileExists = "MLOPS0043";

    /// <summary>The model name is not a C# identifier, which the typed API's class names need.</summary>
    public const string ScaffoldModelNameInvalid = "MLOPS0044";

    /// <summary>The data has no column besides the label to use as a feature.</summary>
    public const string ScaffoldNoFeatures = "MLOPS0045";

    /// <summary>model.yaml or schema.json could not be written (no rights, disk full).</summary>
    public const string ScaffoldWriteFailed = "MLOPS0046";
}
