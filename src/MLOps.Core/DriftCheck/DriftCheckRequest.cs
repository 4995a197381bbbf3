namespace MLOps.Core.DriftCheck;

/// <summary>
/// What <c>mlops drift</c> compares (docs/monitoring.md#drift-checks). <see cref="Reference"/>: a package
/// (<c>Id@Version</c>, or <c>Id</c> for the latest in <see cref="Feed"/>), a model folder, a drift-reference.json, or raw
/// data (exact statistics). <see cref="Current"/>: data (a file or folder) or prediction logs. <see cref="Model"/> scores
/// raw data for prediction drift (default: the reference's model); <see cref="Spec"/> brings the schema, the inputs and
/// the spec's <c>drift:</c> settings; <see cref="Share"/> overrides drift.share.
/// </summary>
public sealed record DriftCheckRequest(string Reference, string Current)
{
    public string? Model { get; init; }

    public string? Spec { get; init; }

    public double? Share { get; init; }

    public string Feed { get; init; } = "artifacts/feed";
}
