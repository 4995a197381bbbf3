namespace MLOps.Core.Diagnostics;

// The spec's monitoring: section (MLOPS0080..MLOPS0084) and live performance, `mlops monitor performance` (MLOPS7050..MLOPS7069).
public static partial class Codes
{
    /// <summary>monitoring.live names a metric the model's task does not report.</summary>
    public const string MonitoringUnknownMetric = "MLOPS0080";

    /// <summary>A monitoring.live threshold has neither min nor max, or its min is above its max.</summary>
    public const string MonitoringInvalidThreshold = "MLOPS0081";

    /// <summary>monitoring.min-labelled is not a whole number of at least 1.</summary>
    public const string MonitoringInvalidMinLabelled = "MLOPS0082";

    /// <summary>A live metric is outside its monitoring.live threshold.</summary>
    public const string LiveMetricOutsideThreshold = "MLOPS7050";

    /// <summary>No prediction in the logs has a label: no live metric can be computed.</summary>
    public const string NoLabelledPredictions = "MLOPS7051";

    /// <summary>Fewer predictions have labels than monitoring.min-labelled: the thresholds are not judged.</summary>
    public const string TooFewLabelledPredictions = "MLOPS7052";

    /// <summary>The --logs path is not there, or holds no prediction log.</summary>
    public const string PredictionLogsNotFound = "MLOPS7053";

    /// <summary>A prediction log line cannot be read, or its output lacks what the task's metrics need.</summary>
    public const string PredictionLogRecordInvalid = "MLOPS7054";

    /// <summary>A request id has more than one label, or more than one prediction: the first is used.</summary>
    public const string DuplicateRequestId = "MLOPS7055";

    /// <summary>Log records of another model than --model were left out, or the logs mix models.</summary>
    public const string PredictionLogOtherModel = "MLOPS7056";

    /// <summary>Labels for one class only: AUC (and the metrics that need both classes) cannot be computed.</summary>
    public const string LiveMetricUndefined = "MLOPS7057";
}
