namespace MLOps.Core.Spec;

/// <summary>
/// The metrics each task type reports, by the names specs, gates, lineage and model cards use.
/// Log-loss is ML.NET's, in bits (base 2); <c>log_loss_nats</c> is the same in nats, as scikit-learn reports it.
/// </summary>
public static class MetricCatalog
{
    public static IReadOnlyList<string> For(TaskType task) => task switch
    {
        TaskType.BinaryClassification => ["auc", "accuracy", "f1", "log_loss", "log_loss_nats", "auprc", "positive_precision", "positive_recall"],
        TaskType.MulticlassClassification => ["macro_accuracy", "micro_accuracy", "log_loss", "log_loss_nats"],
        TaskType.Regression => ["rmse", "mae", "mse", "r_squared"],
        _ => [],
    };

    /// <summary>The metrics printed in summaries and model cards, most telling first.</summary>
    public static IReadOnlyList<string> Headline(TaskType task) => task switch
    {
        TaskType.BinaryClassification => ["auc", "accuracy", "f1", "log_loss"],
        TaskType.MulticlassClassification => ["macro_accuracy", "micro_accuracy", "log_loss"],
        TaskType.Regression => ["rmse", "mae", "r_squared"],
        _ => [],
    };

    /// <summary>
    /// Whether a larger value of <paramref name="metric"/> is a better model: false for the losses and errors
    /// (log_loss, log_loss_nats, rmse, mae, mse), true for the rest. Champion thresholds read improvements this way.
    /// </summary>
    public static bool HigherIsBetter(string metric) => metric is not ("log_loss" or "log_loss_nats" or "rmse" or "mae" or "mse");
}
