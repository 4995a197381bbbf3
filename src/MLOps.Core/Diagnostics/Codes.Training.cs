namespace MLOps.Core.Diagnostics;

public static partial class Codes
{
    /// <summary>ML.NET refused to train on this data (one class only, no rows left after the split, ...).</summary>
    public const string TrainingFailed = "MLOPS2001";

    /// <summary>The train step's outputs (model.zip, training.json, test.idv) are missing (a damaged one is MLOPS2006).</summary>
    public const string TrainingOutputMissing = "MLOPS2002";

    /// <summary>A file one step of the pipeline wrote for the next (under obj/.../mlops/) is damaged: truncated, not the JSON expected, or unreadable.</summary>
    public const string IntermediateFileDamaged = "MLOPS2006";

    /// <summary>Evaluation could not score the held-out rows with the trained model.</summary>
    public const string EvaluationFailed = "MLOPS3003";

    /// <summary>A metric is below its gate's min or above its max: the model is not packed or published.</summary>
    public const string GateFailed = "MLOPS3001";

    /// <summary>A gate names a metric the evaluation did not produce.</summary>
    public const string GateMetricMissing = "MLOPS3002";
}
