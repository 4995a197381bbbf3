using System.Data.Common;
using System.Text.Json;

namespace MLOps.Core.Tracking;

/// <summary>Reads runs selected by a WHERE/ORDER BY/LIMIT tail, then their params, metrics and tags with the same selection.</summary>
internal static class RunReader
{
    private const string Columns = "r.id, r.model, r.status, r.source, r.started_at, r.ended_at, r.parent_id, r.cached_from, r.data_fingerprint, r.git_commit, r.git_dirty, r.host, r.pid, r.ci_system, r.ci_run_url, r.tool_versions, r.model_sha256, r.package_id, r.package_version";

    /// <summary>Runs matching <paramref name="tail"/> (SQL after <c>FROM runs r</c>), in its order, with their children.</summary>
    public static IReadOnlyList<Run> Read(DbConnection connection, string tail, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var runs = new List<Run>();
        using (DbCommand command = connection.Command($"SELECT {Columns} FROM runs r {tail}", null, [.. parameters]))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
                runs.Add(ReadRow(reader));
        }

        if (runs.Count == 0)
            return runs;
        // The children of exactly these runs: the same selection as a subquery, so no list of ids travels back.
        string selected = $"SELECT r.id FROM runs r {tail}";
        var parameterArray = parameters.ToArray();
        Dictionary<string, Dictionary<string, string>> paramsById = Pairs(connection, "params", selected, parameterArray);
        Dictionary<string, Dictionary<string, string>> tagsById = Pairs(connection, "tags", selected, parameterArray);
        var metricsById = new Dictionary<string, List<RunMetric>>(StringComparer.Ordinal);
        using (DbCommand command = connection.Command($"SELECT run_id, split, key, value FROM metrics WHERE run_id IN ({selected}) ORDER BY run_id, split, key", null, parameterArray))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
                Bucket(metricsById, reader.GetString(0)).Add(new RunMetric(reader.GetString(1), reader.GetString(2), reader.GetDouble(3)));
        }

        return [.. runs.Select(r => r with
        {
            Params = paramsById.GetValueOrDefault(r.Id) ?? r.Params,
            Tags = tagsById.GetValueOrDefault(r.Id) ?? r.Tags,
            Metrics = metricsById.GetValueOrDefault(r.Id) ?? r.Metrics,
        })];
    }

    private static Dictionary<string, Dictionary<string, string>> Pairs(DbConnection connection, string table, string selected, (string, object?)[] parameters)
    {
        var byId = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        using DbCommand command = connection.Command($"SELECT run_id, key, value FROM {table} WHERE run_id IN ({selected})", null, parameters);
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!byId.TryGetValue(reader.GetString(0), out Dictionary<string, string>? pairs))
                byId[reader.GetString(0)] = pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            pairs[reader.GetString(1)] = reader.GetString(2);
        }

        return byId;
    }

    private static List<RunMetric> Bucket(Dictionary<string, List<RunMetric>> byId, string id) =>
        byId.TryGetValue(id, out List<RunMetric>? list) ? list : byId[id] = [];

    private static Run ReadRow(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Model = reader.GetString(1),
        Status = RunStatusNames.TryParse(reader.GetString(2), out RunStatus status) ? status : RunStatus.Failed,
        Source = reader.GetString(3),
        StartedAt = StoreTime.Parse(reader.GetString(4)),
        EndedAt = reader.Text(5) is { } ended ? StoreTime.Parse(ended) : null,
        ParentId = reader.Text(6),
        CachedFrom = reader.Text(7),
        DataFingerprint = reader.Text(8),
        GitCommit = reader.Text(9),
        GitDirty = reader.Int(10) is { } dirty ? dirty != 0 : null,
        Host = reader.Text(11),
        ProcessId = reader.Int(12),
        CiSystem = reader.Text(13),
        CiRunUrl = reader.Text(14),
        ToolVersions = reader.Text(15) is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : new Dictionary<string, string>(),
        ModelSha256 = reader.Text(16),
        PackageId = reader.Text(17),
        PackageVersion = reader.Text(18),
    };
}
