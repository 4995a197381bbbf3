using System.Text.Json.Serialization;

namespace MLOps.ModelFormat.Contract;

/// <summary>
/// The fresh-data window a retrain trained on (lineage's and training.json's <c>retrain</c>, docs/lineage.md): the data
/// it was cut from (<paramref name="Source"/>, fingerprinted), the column and span (<paramref name="Last"/>, e.g.
/// <c>2 months</c>), the rows after <paramref name="After"/> up to <paramref name="Newest"/>, and how many there were.
/// The window itself is lineage's data (path and fingerprint of what was trained).
/// </summary>
public sealed record RetrainLineage(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("source_fingerprint")] string SourceFingerprint,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("last")] string Last,
    [property: JsonPropertyName("after")] string After,
    [property: JsonPropertyName("newest")] string Newest,
    [property: JsonPropertyName("rows")] long Rows)
{
    /// <summary>The file the retrain step writes beside the window's data, and the train step reads.</summary>
    public const string FileName = "window.json";
}
