using System.Text.Json.Serialization;

namespace MLOps.Core.Data.Profiling;

/// <summary>
/// What a dataset looked like: one entry per schema column, in schema order. Written as profile.json
/// (docs/profile.md lists every key); it is the drift baseline and ships in the model package.
/// </summary>
public sealed record DataProfile(
    [property: JsonPropertyName("profile_version")] int ProfileVersion,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("columns")] IReadOnlyList<ColumnProfile> Columns)
{
    /// <summary>2: text columns report <c>length</c> instead of <c>categories</c>; types are categorical and text, not string.</summary>
    public const int CurrentVersion = 2;
}

/// <summary>
/// One column. <see cref="Count"/> counts values that parsed; <see cref="Numeric"/> is set for integer, float
/// and date-time columns with at least one value, <see cref="DateTime"/> for date-time columns,
/// <see cref="Categories"/> for categorical and boolean columns, <see cref="Length"/> (the values' lengths in
/// characters) for text columns with at least one value.
/// </summary>
public sealed record ColumnProfile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("missing")] long Missing,
    [property: JsonPropertyName("invalid")] long Invalid,
    [property: JsonPropertyName("distinct")] DistinctCount Distinct,
    [property: JsonPropertyName("numeric")] NumericProfile? Numeric,
    [property: JsonPropertyName("datetime")] DateTimeRange? DateTime,
    [property: JsonPropertyName("categories")] CategoryProfile? Categories,
    [property: JsonPropertyName("length")] NumericProfile? Length = null);

public sealed record DistinctCount(
    [property: JsonPropertyName("value")] long Value,
    [property: JsonPropertyName("estimated")] bool Estimated);

/// <summary>Numbers, or date-times as days since 1970-01-01T00:00:00. <see cref="StdDev"/> is the sample standard deviation (n - 1).</summary>
public sealed record NumericProfile(
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("std_dev")] double StdDev,
    [property: JsonPropertyName("quantiles")] Quantiles Quantiles,
    [property: JsonPropertyName("histogram")] Histogram Histogram);

/// <summary>Nearest-rank quantiles: the smallest value with at least p of the values at or below it.</summary>
public sealed record Quantiles(
    [property: JsonPropertyName("estimated")] bool Estimated,
    [property: JsonPropertyName("p01")] double P01,
    [property: JsonPropertyName("p05")] double P05,
    [property: JsonPropertyName("p25")] double P25,
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p75")] double P75,
    [property: JsonPropertyName("p95")] double P95,
    [property: JsonPropertyName("p99")] double P99)
{
    /// <summary>The probabilities reported, in order.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99];
}

/// <summary>
/// Equal-width bins: bin i holds the values v with floor((v - min) / (max - min) * bins) == i (v == max goes in
/// the last bin). <see cref="Range"/> says where min and max come from: "schema" or "observed".
/// </summary>
public sealed record Histogram(
    [property: JsonPropertyName("range")] string Range,
    [property: JsonPropertyName("estimated")] bool Estimated,
    [property: JsonPropertyName("edges")] IReadOnlyList<double> Edges,
    [property: JsonPropertyName("counts")] IReadOnlyList<long> Counts,
    [property: JsonPropertyName("below")] long Below,
    [property: JsonPropertyName("above")] long Above);

/// <summary>A date-time column's range and median, ISO 8601 without an offset (yyyy-MM-ddTHH:mm:ss.FFFFFFF).</summary>
public sealed record DateTimeRange(
    [property: JsonPropertyName("min")] string Min,
    [property: JsonPropertyName("median")] string Median,
    [property: JsonPropertyName("max")] string Max);

/// <summary>
/// The most frequent values, most frequent first (ties by ordinal value). When <see cref="Estimated"/>, each
/// count may be below the true count by at most <see cref="MaxError"/> (Misra-Gries).
/// </summary>
public sealed record CategoryProfile(
    [property: JsonPropertyName("estimated")] bool Estimated,
    [property: JsonPropertyName("max_error")] long MaxError,
    [property: JsonPropertyName("top")] IReadOnlyList<CategoryCount> Top);

public sealed record CategoryCount(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("fraction")] double Fraction);
