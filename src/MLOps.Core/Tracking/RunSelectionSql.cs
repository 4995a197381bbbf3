using System.Data.Common;
using MLOps.Core.Tracking.Query;

namespace MLOps.Core.Tracking;

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

    /// <summary>
    /// The runs a compiled selection names, in its order. The selection (filter, order, limit) is evaluated once, for
    /// the ids; the runs and their params, metrics and tags are then read by id, in chunks that stay under both back
    /// ends' parameter limits. (Reading the children with the selection as a subquery would evaluate the filter four times.)
    /// </summary>
    public static IReadOnlyList<Run> Read(DbConnection connection, string tail, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        const int Chunk = 500;
        var ids = new List<string>();
        using (DbCommand command = connection.Command($"SELECT r.id FROM runs r {tail}", null, [.. parameters]))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
                ids.Add(reader.GetString(0));
        }

        var byId = new Dictionary<string, Run>(ids.Count, StringComparer.Ordinal);
        foreach (string[] chunk in ids.Chunk(Chunk))
        {
            (string, object?)[] named = [.. chunk.Select((id, i) => ($"@id{i}", (object?)id))];
            foreach (Run run in RunReader.Read(connection, $"WHERE r.id IN ({string.Join(", ", named.Select(n => n.Item1))})", named))
                byId[run.Id] = run;
        }

        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }
}
