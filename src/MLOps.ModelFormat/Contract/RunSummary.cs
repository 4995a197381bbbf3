using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLOps.ModelFormat.Contract;

/// <summary>
/// What one model's publish left in <c>&lt;artifacts&gt;/runs/&lt;Model&gt;.json</c>: the package it made and how it
/// fared. Written by the MLOpsPublish target, read by <c>mlops summary</c>; this record is the file's only definition.
/// </summary>
public sealed record RunSummary(
    [property: JsonPropertyName("package_id")] string PackageId,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics,
    [property: JsonPropertyName("gates_passed")] bool GatesPassed)
{
    /// <summary>The package went into the feed in this run.</summary>
    public const string Published = "published";

    /// <summary>The feed already held this version with the same model; nothing was pushed.</summary>
    public const string AlreadyPublished = "already-published";

    /// <summary>The folder, under the artifacts folder, that holds one summary per model.</summary>
    public const string Folder = "runs";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string FileName(string modelName) => $"{modelName}.json";

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>Reads a summary; throws <see cref="JsonException"/> for text that is not one.</summary>
    public static RunSummary Parse(string json) =>
        JsonSerializer.Deserialize<RunSummary>(json, Options) ?? throw new JsonException("A run summary is JSON null.");
}
