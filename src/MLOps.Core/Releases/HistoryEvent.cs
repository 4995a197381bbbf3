using System.Text.Json.Serialization;

namespace MLOps.Core.Releases;

/// <summary>
/// One line of <c>mlops history</c>: a publish (from the first stage's feed and the package's lineage), a promotion
/// or a rollback (from the release file's history and the commit that added the entry). JSON names are pinned.
/// </summary>
public sealed record HistoryEvent(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("by")] string? By,
    [property: JsonPropertyName("commit")] string? Commit,
    [property: JsonPropertyName("reason")] string? Reason)
{
    public const string Publish = "publish";

    public const string Uncommitted = "uncommitted";

    [JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    /// <summary>The champion verdict lineage recorded ("passed against production 1.1.0"); null when there was no champion.</summary>
    [JsonPropertyName("champion"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Champion { get; init; }

    /// <summary>The reason a failed gate was overridden (lineage gate_override), or that a promotion skipped its check.</summary>
    [JsonPropertyName("override"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Override { get; init; }
}
