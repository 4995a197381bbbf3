namespace MLOps.Core.Spec;

/// <summary>
/// The spec's <c>monitoring:</c> section (docs/model-spec.md#monitoring): bounds on the metrics measured in production once
/// labels arrive (<c>mlops monitor performance</c>). <see cref="MinLabelled"/> is the fewest labelled predictions the bounds are
/// judged on: a metric over a few dozen rows is noise, and failing a check on noise teaches people to ignore it.
/// </summary>
public sealed record MonitoringSpec(IReadOnlyList<GateSpec> Live, int MinLabelled, int Line)
{
    /// <summary>The default of <see cref="MinLabelled"/>.</summary>
    public const int DefaultMinLabelled = 100;
}
