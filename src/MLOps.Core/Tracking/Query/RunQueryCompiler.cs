using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking.Query;

/// <summary>
/// Compiles a run selection (a model, a parent run, a filter, an order-by and a limit) into parameterised SQL for
/// the store's dialect. The filter language: <c>metrics.auc &gt; 0.7 AND (params.trainer = 'LightGbm' OR tags.note
/// LIKE 'big%')</c> (docs/tracking.md, "Searching runs"). With no order-by, the newest run comes first.
/// </summary>
public static class RunQueryCompiler
{
    /// <summary>Compiles, or throws <see cref="QueryException"/> (MLOPS8020-8026) for a filter or order-by it cannot read.</summary>
    public static CompiledRunQuery Compile(QueryDialect dialect, string? where = null, string? orderBy = null, string? model = null, string? parentId = null, int? limit = null)
    {
        var parameters = new QueryParameters();
        var conditions = new List<string>();
        if (model is not null)
            conditions.Add($"r.model = {parameters.Add(model)}");
        if (parentId is not null)
            conditions.Add($"r.parent_id = {parameters.Add(parentId)}");
        if (!string.IsNullOrWhiteSpace(where))
            conditions.Add(new FilterSqlCompiler(dialect, parameters).Compile(FilterParser.Parse(where)));
        string order = string.IsNullOrWhiteSpace(orderBy)
            ? OrderBySqlCompiler.Newest
            : new OrderBySqlCompiler(dialect, parameters).Compile(OrderByParser.Parse(orderBy));
        string? limitSql = limit is int n ? parameters.Add(n) : null;
        return new CompiledRunQuery(conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions), order, limitSql, parameters.Items);
    }

    /// <summary>As <see cref="Compile"/>, reporting a filter or order-by it cannot read into <paramref name="bag"/> (and returning null).</summary>
    public static CompiledRunQuery? TryCompile(DiagnosticBag bag, QueryDialect dialect, string? where = null, string? orderBy = null, string? model = null, string? parentId = null, int? limit = null)
    {
        try
        {
            return Compile(dialect, where, orderBy, model, parentId, limit);
        }
        catch (QueryException e)
        {
            bag.Error(e.Code, e.Message);
            return null;
        }
    }
}
