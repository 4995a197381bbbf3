using System.Text.Json.Serialization;

namespace MLOps.Core.Drift.Columns;

/// <summary>
/// A numeric column with too many distinct values to keep exactly: equal cells of <see cref="Width"/> from
/// <see cref="Start"/>; cell i holds the values v with Start + i * Width &lt;= v &lt; Start + (i + 1) * Width (the
/// maximum goes in the last cell). Statistics computed from it carry a bound (docs/monitoring.md).
/// </summary>
public sealed record DriftGrid(
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("width")] double Width,
    [property: JsonPropertyName("counts")] IReadOnlyList<long> Counts)
{
    /// <summary>Cells in a grid the builder makes: fine enough that a cell is 1/16,384 of the column's range.</summary>
    public const int Cells = 16_384;

    public double Edge(int cell) => Start + (cell * Width);
}
