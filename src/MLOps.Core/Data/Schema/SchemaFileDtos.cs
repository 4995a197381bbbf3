using System.Text.Json.Serialization;

namespace MLOps.Core.Data.Schema;

// The schema file's JSON shapes, as SchemaFile reads them (docs/schema.md). Names are what the serializer
// reports in its messages, so SchemaFile.Describe turns them back into words a user knows.

internal sealed record SchemaDto(
    IReadOnlyList<Positioned<ColumnDto>> Columns,
    Positioned<RowsDto>? Rows = null,
    Positioned<CheckSetting<IReadOnlyList<string>>>? Unique = null,
    [property: JsonPropertyName("$schema")] string? Schema = null)
{
    public TableSchema ToSchema(string path) =>
        new(Columns.Select(c => c.Value.ToColumn()).ToArray(), path)
        {
            Rows = Rows?.Value.ToRange(),
            Unique = Unique?.Value.Value,
            UniqueMostly = Unique?.Value.Mostly ?? 1.0,
        };
}

internal sealed record RowsDto(long? Min = null, long? Max = null)
{
    public RowCountRange ToRange() => new(Min, Max);
}

internal sealed record ColumnDto(
    string Name,
    ColumnType Type,
    bool Nullable = false,
    CheckSetting<double>? Min = null,
    CheckSetting<double>? Max = null,
    CheckSetting<IReadOnlyList<string>>? Allowed = null,
    string? Format = null,
    CheckSetting<string>? Pattern = null,
    [property: JsonPropertyName("max_length")] CheckSetting<int>? MaxLength = null,
    [property: JsonPropertyName("max_null_fraction")] double? MaxNullFraction = null,
    double Mostly = 1.0,
    bool Required = true,
    IReadOnlyList<string>? Environments = null)
{
    /// <summary>The checks that can carry their own <c>mostly</c>, by their report name.</summary>
    public IEnumerable<(string Check, double? Mostly)> CheckTolerances() =>
    [
        ("min", Min?.Mostly), ("max", Max?.Mostly), ("allowed", Allowed?.Mostly),
        ("pattern", Pattern?.Mostly), ("max_length", MaxLength?.Mostly),
    ];

    public ColumnSchema ToColumn()
    {
        Dictionary<string, double> own = CheckTolerances().Where(t => t.Mostly is not null).ToDictionary(t => t.Check, t => t.Mostly!.Value);
        return new(Name, Type, Nullable, Min?.Value, Max?.Value, Allowed?.Value, Format, Pattern?.Value, MaxLength?.Value, MaxNullFraction, Mostly, Required, Environments)
        {
            CheckMostly = own.Count == 0 ? null : own,
        };
    }
}

/// <summary>A check's setting: the bare value (<c>"min": 0</c>) or the value with its own tolerance
/// (<c>"min": {"value": 0, "mostly": 0.99}</c>).</summary>
internal sealed record CheckSetting<T>(T Value, double? Mostly = null);

/// <summary>A value plus where it starts in the file, so semantic errors can name a line too.</summary>
internal sealed record Positioned<T>(T Value, long Offset);
