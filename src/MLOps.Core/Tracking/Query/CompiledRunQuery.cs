namespace MLOps.Core.Tracking.Query;

/// <summary>
/// A run selection as SQL for one dialect. <see cref="Sql"/> selects the matching run ids in order; a store that
/// wants other columns builds its own statement from <see cref="Where"/> and <see cref="OrderBy"/>, which refer to
/// the runs table as <c>r</c> and to <see cref="Parameters"/> by name.
/// </summary>
public sealed record CompiledRunQuery(string Where, string OrderBy, string? Limit, IReadOnlyList<QueryParameter> Parameters)
{
    /// <summary><c>SELECT r.id FROM runs r WHERE ... ORDER BY ... [LIMIT @q]</c>.</summary>
    public string Sql => Select("r.id");

    /// <summary>The same selection with other columns of <c>runs r</c>.</summary>
    public string Select(string columns) =>
        $"SELECT {columns} FROM runs r WHERE {Where} ORDER BY {OrderBy}{(Limit is null ? "" : $" LIMIT {Limit}")}";
}
