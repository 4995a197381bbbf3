namespace MLOps.Core.Tracking;

/// <summary>
/// Which runs to list: by model, by sweep parent, by a filter (<c>metrics.auc &gt; 0.7 AND params.trainer = 'LightGbm'</c>)
/// and in which order (<c>metrics.auc desc, started_at</c>; newest first when null), at most <see cref="Limit"/>.
/// </summary>
public sealed record RunSelection(string? Model = null, string? Where = null, string? OrderBy = null, int? Limit = null, string? ParentId = null)
{
    public static RunSelection All { get; } = new();
}
