namespace MLOps.Core.Tracking;

/// <summary>One metric of a run on one split (<see cref="Test"/> or <see cref="Validation"/>); names as metrics.json writes them (auc, f1_score, ...).</summary>
public sealed record RunMetric(string Split, string Name, double Value)
{
    public const string Test = "test";

    public const string Validation = "validation";
}
