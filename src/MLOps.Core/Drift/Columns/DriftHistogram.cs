using System.Text.Json.Serialization;

namespace MLOps.Core.Drift.Columns;

/// <summary>Counts per bin: numeric bins by their <see cref="Edges"/> (one more than the counts), categorical by <see cref="Categories"/>.</summary>
public sealed record DriftHistogram(
    [property: JsonPropertyName("edges")] IReadOnlyList<double>? Edges,
    [property: JsonPropertyName("categories")] IReadOnlyList<string>? Categories,
    [property: JsonPropertyName("counts")] IReadOnlyList<long> Counts);
