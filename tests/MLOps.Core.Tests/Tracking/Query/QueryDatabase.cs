using System.Data.Common;
using Microsoft.Data.Sqlite;
using MLOps.Core.Tracking.Query;

namespace MLOps.Core.Tests.Tracking.Query;

/// <summary>
/// A real SQLite database with the run store's tables (the plan's schema), filled with four runs that differ in
/// every way the filter language can tell apart, to run compiled queries against.
/// </summary>
internal sealed class QueryDatabase : IDisposable
{
    public const string Schema = """
        CREATE TABLE runs(id TEXT PRIMARY KEY, model TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
          started_at TEXT NOT NULL, ended_at TEXT NULL, parent_id TEXT NULL, cached_from TEXT NULL, data_fingerprint TEXT NULL,
          git_commit TEXT NULL, git_dirty INTEGER NULL, host TEXT NULL, pid INTEGER NULL, ci_system TEXT NULL, ci_run_url TEXT NULL,
          tool_versions TEXT NULL, model_sha256 TEXT NULL, package_id TEXT NULL, package_version TEXT NULL);
        CREATE TABLE params(run_id TEXT, key TEXT, value TEXT NOT NULL, PRIMARY KEY(run_id, key));
        CREATE TABLE metrics(run_id TEXT, split TEXT, key TEXT, value REAL NOT NULL, PRIMARY KEY(run_id, split, key));
        CREATE TABLE tags(run_id TEXT, key TEXT, value TEXT NOT NULL, PRIMARY KEY(run_id, key));
        CREATE INDEX ix_runs_model ON runs(model, started_at);
        CREATE INDEX ix_metrics ON metrics(split, key, value);
        CREATE INDEX ix_params ON params(key, value);
        """;

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public QueryDatabase()
    {
        _connection.Open();
        Execute(Schema);
        // r1: LightGbm on A, the best; r2: FastTree on A, failed; r3: a LightGbm child of r1 on B with a non-numeric
        // learning rate; r4: still running on B, no metrics, no seed, a tag with a capital and a literal '%'.
        AddRun("aaaa000000000001", "A", "succeeded", "2026-11-01T10:00:00.000Z", null,
            new() { ["trainer"] = "LightGbm", ["seed"] = "42", ["lr"] = "0.1" }, 0.91, 0.88, "big data");
        AddRun("aaaa000000000002", "A", "failed", "2026-11-02T10:00:00.000Z", null,
            new() { ["trainer"] = "FastTree", ["seed"] = "7", ["lr"] = "0.05" }, 0.75, 0.80, "small");
        AddRun("bbbb000000000003", "B", "succeeded", "2026-11-03T10:00:00.000Z", "aaaa000000000001",
            new() { ["trainer"] = "LightGbm", ["seed"] = "100", ["lr"] = "auto" }, 0.60, null, null);
        AddRun("bbbb000000000004", "B", "running", "2026-11-04T10:00:00.000Z", null,
            new() { ["trainer"] = "Sdca" }, null, null, "Big%");
    }

    /// <summary>The ids <paramref name="query"/> selects, in its order.</summary>
    public List<string> Ids(CompiledRunQuery query)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (QueryParameter parameter in query.Parameters)
            command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        var ids = new List<string>();
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
            ids.Add(reader.GetString(0)[^1..]); // The last digit names the run: "1".."4".
        return ids;
    }

    public List<string> Ids(string? where = null, string? orderBy = null, string? model = null, string? parentId = null, int? limit = null) =>
        Ids(RunQueryCompiler.Compile(QueryDialect.Sqlite, where, orderBy, model, parentId, limit));

    public long Count(string table)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private void AddRun(string id, string model, string status, string started, string? parent, Dictionary<string, string> parameters, double? auc, double? validationAuc, string? note)
    {
        Execute("INSERT INTO runs(id, model, status, source, started_at, parent_id) VALUES (@a, @b, @c, 'build', @d, @e)", id, model, status, started, parent);
        foreach ((string key, string value) in parameters)
            Execute("INSERT INTO params VALUES (@a, @b, @c)", id, key, value);
        if (auc is not null)
            Execute("INSERT INTO metrics VALUES (@a, 'test', 'auc', @b)", id, auc);
        if (validationAuc is not null)
            Execute("INSERT INTO metrics VALUES (@a, 'validation', 'auc', @b)", id, validationAuc);
        if (note is not null)
            Execute("INSERT INTO tags VALUES (@a, 'note', @b)", id, note);
    }

    private void Execute(string sql, params object?[] values)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        for (int i = 0; i < values.Length; i++)
            command.Parameters.AddWithValue("@" + (char)('a' + i), values[i] ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

}
