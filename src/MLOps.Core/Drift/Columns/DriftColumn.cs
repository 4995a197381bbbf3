using System.Text.Json.Serialization;

namespace MLOps.Core.Drift.Columns;

/// <summary>
/// One column of a drift reference. <see cref="Count"/> counts values present, <see cref="Missing"/> the rows
/// without one. Numeric: <see cref="Mean"/>, <see cref="StdDev"/> (population, n) , <see cref="Min"/>,
/// <see cref="Max"/> exact, and either <see cref="Values"/> with <see cref="Counts"/> (sorted distinct values, up
/// to <see cref="DriftReferenceBuilder.MaxExactValues"/>) or a <see cref="Grid"/>. Categorical:
/// <see cref="Categories"/> with <see cref="Counts"/>, most frequent first (ties by ordinal value), and
/// <see cref="Other"/> counting the values beyond the top <see cref="DriftReferenceBuilder.MaxCategories"/>.
/// </summary>
public sealed record DriftColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] DriftColumnKind Kind,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("missing")] long Missing,
    [property: JsonPropertyName("mean")] double? Mean = null,
    [property: JsonPropertyName("std_dev")] double? StdDev = null,
    [property: JsonPropertyName("min")] double? Min = null,
    [property: JsonPropertyName("max")] double? Max = null,
    [property: JsonPropertyName("values")] IReadOnlyList<double>? Values = null,
    [property: JsonPropertyName("categories")] IReadOnlyList<string>? Categories = null,
    [property: JsonPropertyName("counts")] IReadOnlyList<long>? Counts = null,
    [property: JsonPropertyName("other")] long Other = 0,
    [property: JsonPropertyName("grid")] DriftGrid? Grid = null)
{
    /// <summary>True when the column holds every value exactly (no grid, no pooled other categories).</summary>
    [JsonIgnore]
    public bool IsExact => Grid is null && Other == 0;
}
