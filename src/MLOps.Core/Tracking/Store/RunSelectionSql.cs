using MLOps.Core.Tracking.Query;

namespace MLOps.Core.Tracking.Store;

/// <summary>
/// The SQL tail (<c>WHERE ... ORDER BY ... LIMIT n</c>, after <c>FROM runs r</c>) of a <see cref="RunSelection"/>,
/// compiled by the query compiler (<see cref="RunQueryCompiler"/>) for the store's dialect. A filter or order-by it
/// cannot read becomes a <see cref="RunStoreException"/> with the compiler's code (MLOPS8020-8026) and message.
/// </summary>
internal static class RunSelectionSql
{
    public static string Compile(RunSelection selection, string dialect, List<(string Name, object? Value)> parameters)
    {
        QueryDialect queryDialect = dialect == "postgresql" ? QueryDialect.PostgreSql : QueryDialect.Sqlite;
        CompiledRunQuery query;
        try
        {
            query = RunQueryCompiler.Compile(queryDialect, selection.Where, selection.OrderBy, selection.Model, selection.ParentId, selection.Limit);
        }
        catch (QueryException e)
        {
            throw new RunStoreException(e.Code, e.Message, e);
        }

        parameters.AddRange(query.Parameters.Select(p => (p.Name, (object?)p.Value)));
        return $"WHERE {query.Where} ORDER BY {query.OrderBy}{(query.Limit is null ? "" : $" LIMIT {query.Limit}")}";
    }
}
