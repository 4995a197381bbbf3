namespace MLOps.Core.Diagnostics;

// The spec's drift: and retrain: sections (MLOPS0070-0079), and the retrain step (MLOPS7040-7049).
public static partial class Codes
{
    /// <summary>drift.share is not a number above 0 and at most 1 (the share of compared columns that must drift for the dataset to drift).</summary>
    public const string DriftShareInvalid = "MLOPS0070";

    /// <summary>A drift.columns entry names a method the drift engine does not have.</summary>
    public const string DriftMethodUnknown = "MLOPS0071";

    /// <summary>A drift.columns entry has a threshold that is not a number above 0 (a p-value threshold must also be below 1).</summary>
    public const string DriftThresholdInvalid = "MLOPS0072";

    /// <summary>drift.prediction is not true or false.</summary>
    public const string DriftPredictionInvalid = "MLOPS0073";

    /// <summary>A drift.columns entry names a column the drift check does not compare (not a model input, a date part or the prediction).</summary>
    public const string DriftColumnUnknown = "MLOPS0074";

    /// <summary>retrain.window.last is not a count and a unit such as "2 months" (days, weeks or months).</summary>
    public const string RetrainWindowInvalid = "MLOPS0075";

    /// <summary>retrain.window.by names a column the schema does not have, or one that is not a datetime.</summary>
    public const string RetrainColumnInvalid = "MLOPS0076";

    /// <summary>The window of the retrain data (retrain.window) holds no rows, or the data has no value in its by column.</summary>
    public const string RetrainWindowEmpty = "MLOPS7040";

    /// <summary>A retrain was asked for a model whose spec has no retrain: section.</summary>
    public const string RetrainNotConfigured = "MLOPS7041";

    /// <summary>The retrained model lost to the champion (a champion threshold failed): nothing was published, the champion keeps serving (a warning).</summary>
    public const string RetrainChampionKept = "MLOPS7042";

    /// <summary>The retrain data (retrain.data, or data.path) could not be read to cut its window.</summary>
    public const string RetrainDataUnreadable = "MLOPS7043";
}
