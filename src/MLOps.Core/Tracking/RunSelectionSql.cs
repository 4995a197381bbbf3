using System.Globalization;

namespace MLOps.Core.Tracking;

/// <summary>
/// The SQL tail (<c>WHERE ... ORDER BY ... LIMIT n</c>, after <c>FROM runs r</c>) of a <see cref="RunSelection"/>.
/// Filters and orderings in the query language (<see cref="RunSelection.Where"/>, <see cref="RunSelection.OrderBy"/>)
/// are compiled by the query compiler (Tracking/Query); this file is where it plugs in. (Tracking/Query must not use this namespace back: the architecture tests forbid namespace cycles.)
/// </summary>
internal static class RunSelectionSql
{
    public static string Compile(RunSelection selection, string dialect, List<(string Name, object? Value)> parameters)
    {
        _ = dialect;
        var conditions = new List<string>();
        if (selection.Model is { } model)
        {
            conditions.Add("r.model = @sel_model");
            parameters.Add(("@sel_model", model));
        }

        if (selection.ParentId is { } parent)
        {
            conditions.Add("r.parent_id = @sel_parent");
            parameters.Add(("@sel_parent", parent));
        }

        if (selection.Where is not null)
            throw new NotSupportedException("Filters (--where) need the query compiler (Tracking/Query).");
        if (selection.OrderBy is not null)
            throw new NotSupportedException("Orderings (--order-by) need the query compiler (Tracking/Query).");

        string where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        string limit = selection.Limit is { } n ? $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : "";
        return $"{where} ORDER BY r.started_at DESC, r.id{limit}";
    }
}
