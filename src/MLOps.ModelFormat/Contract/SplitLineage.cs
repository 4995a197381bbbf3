using System.Text.Json.Serialization;

namespace MLOps.ModelFormat.Contract;

/// <summary>
/// How the rows became train, validation and test splits (lineage's and training.json's <c>split</c>, docs/lineage.md):
/// <paramref name="Kind"/> random, time or file; the members of the other kinds are absent.
/// </summary>
public sealed record SplitLineage(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("rows")] SplitRows Rows)
{
    public const string Random = "random", Time = "time", File = "file";

    /// <summary>Random: the test rows' fraction of all rows.</summary>
    [JsonPropertyName("test_fraction"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TestFraction { get; init; }

    /// <summary>Random or file: the validation rows' fraction of the training data's rows.</summary>
    [JsonPropertyName("validation_fraction"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ValidationFraction { get; init; }

    /// <summary>The seed that picked random rows (absent for a time split, which picks none).</summary>
    [JsonPropertyName("seed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Seed { get; init; }

    /// <summary>Time: the datetime column the split cuts on.</summary>
    [JsonPropertyName("column"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Column { get; init; }

    /// <summary>Time: rows at or after this instant are the test split (yyyy-MM-dd, or with THH:mm:ss).</summary>
    [JsonPropertyName("test_from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestFrom { get; init; }

    /// <summary>Time: rows from this instant up to test_from are the validation split.</summary>
    [JsonPropertyName("validation_from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ValidationFrom { get; init; }

    /// <summary>File: the separate test data, fingerprinted like the training data.</summary>
    [JsonPropertyName("test_data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TestDataLineage? TestData { get; init; }
}

/// <summary>Rows per split; validation is absent when there is no validation split.</summary>
public sealed record SplitRows(
    [property: JsonPropertyName("train")] long Train,
    [property: JsonPropertyName("test")] long Test,
    [property: JsonPropertyName("validation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Validation = null);

/// <summary>A separate test file or folder: its path (relative to the repository when known), fingerprint and a folder's parts.</summary>
public sealed record TestDataLineage(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("files"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PartFingerprint>? Files = null);
