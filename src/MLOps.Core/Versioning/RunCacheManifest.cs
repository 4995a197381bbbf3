using System.Text.Json.Serialization;
using MLOps.Core.Data.Fingerprints;

namespace MLOps.Core.Versioning;

/// <summary>
/// manifest.json of one run cache entry: the key and the inputs it was computed from, the model and when
/// it was trained, and the sha256 of every file the entry holds. Written last, so an entry without a
/// readable manifest is incomplete.
/// </summary>
public sealed record RunCacheManifest(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("inputs")] InputHashes Inputs,
    [property: JsonPropertyName("trained_at_utc")] DateTimeOffset TrainedAtUtc,
    [property: JsonPropertyName("files")] IReadOnlyDictionary<string, string> Files)
{
    public const string FileName = "manifest.json";

    /// <summary>The run (in the run store) that trained this model: a build that restores it records a cached run pointing at it. Null in entries stored without tracking.</summary>
    [JsonPropertyName("run_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunId { get; init; }

    /// <summary>
    /// Why the files in <paramref name="folder"/> cannot be used as this entry's content, or null when
    /// they can: the manifest lists exactly <paramref name="expectedFiles"/> under the expected key, and
    /// each file exists with the recorded sha256.
    /// </summary>
    public string? Verify(string folder, string expectedKey, IReadOnlyCollection<string> expectedFiles)
    {
        if (Key != expectedKey)
        {
            return $"its manifest is for key {Key}";
        }

        if (Files.Count != expectedFiles.Count || !expectedFiles.All(Files.ContainsKey))
        {
            return $"its manifest lists [{string.Join(", ", Files.Keys)}], expected [{string.Join(", ", expectedFiles)}]";
        }

        foreach (var (name, sha256) in Files)
        {
            string path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                return $"{name} is missing";
            }

            string actual = Fingerprint.Sha256OfFile(path);
            if (actual != sha256)
            {
                return $"{name} has sha256 {actual[..12]}.., its manifest says {sha256[..12]}..";
            }
        }

        return null;
    }
}
