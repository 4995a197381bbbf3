using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace MLOps.Core.Versioning;

/// <summary>
/// The content hashes a trained model depends on: the data's fingerprint (xxh128), the sha256 of the spec
/// and of the schema, and a hash of the training code's assemblies. Equal hashes mean an equal model
/// (training is seeded and deterministic), which is what the run cache relies on.
/// </summary>
public sealed record InputHashes(
    [property: JsonPropertyName("data_fingerprint")] string DataFingerprint,
    [property: JsonPropertyName("spec_sha256")] string SpecSha256,
    [property: JsonPropertyName("schema_sha256")] string SchemaSha256,
    [property: JsonPropertyName("code")] string CodeHash)
{
    /// <summary>Bumped if the meaning of a key ever changes, so old cache entries are simply never hit.</summary>
    public const int KeyVersion = 1;

    /// <summary>The separate test data's fingerprint (split.test-data): it decides the test rows, so it is part of the key; null when the spec names none.</summary>
    [JsonPropertyName("test_data_fingerprint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestDataFingerprint { get; init; }

    /// <summary>The run cache key: the first 32 hex digits (128 bits) of the sha256 of the four hashes (five with test data;
    /// a spec without test data keeps the key it always had).</summary>
    [JsonIgnore]
    public string RunCacheKey
    {
        get
        {
            string text = $"mlops-run-cache-v{KeyVersion}\ndata={DataFingerprint}\nspec={SpecSha256}\nschema={SchemaSha256}\ncode={CodeHash}\n"
                + (TestDataFingerprint is null ? "" : $"testdata={TestDataFingerprint}\n");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        }
    }

    /// <summary>
    /// One hash of several files (the training code's assemblies), independent of their folder: xxh128 of
    /// "name hash" lines, sorted by name.
    /// </summary>
    public static string Combine(IEnumerable<(string Name, string Hash)> files)
    {
        var text = new StringBuilder();
        foreach (var (name, hash) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append(name).Append(' ').Append(hash).Append('\n');
        }

        return "xxh128:" + Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
