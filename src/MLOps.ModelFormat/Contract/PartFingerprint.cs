using System.Text.Json.Serialization;

namespace MLOps.ModelFormat.Contract;

/// <summary>One part of a folder dataset: its path relative to the folder ('/') and its fingerprint (MLOps.Core's <c>Fingerprint.OfFile</c>).</summary>
public sealed record PartFingerprint(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("fingerprint")] string Fingerprint);
