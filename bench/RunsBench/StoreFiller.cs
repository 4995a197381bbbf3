using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MLOps.Core.Tracking;
using Npgsql;
using NpgsqlTypes;

namespace RunsBench;

/// <summary>
/// Writes generated runs straight into a store's tables (after <see cref="RunStores.Open"/> made the schema): one
/// transaction of prepared inserts for SQLite, binary COPY for PostgreSQL. IRunStore.Start would take one
/// transaction per run, which is right for builds and hours for 100,000 runs.
/// </summary>
internal static class StoreFiller
{
    public static void Fill(string connection, IEnumerable<Run> runs)
    {
        if (Bench.IsPostgres(connection))
            FillPostgres(connection, runs);
        else
            FillSqlite(connection, runs);
    }

    private static void FillSqlite(string path, IEnumerable<Run> runs)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using DbTransaction transaction = connection.BeginTransaction();
        using SqliteCommand run = Prepare(connection, "INSERT INTO runs (id, model, status, source, started_at, ended_at, parent_id, data_fingerprint, git_commit, git_dirty, host, pid, ci_system, model_sha256, package_id, package_version) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15)", 16);
        using SqliteCommand param = Prepare(connection, "INSERT INTO params VALUES (@p0, @p1, @p2)", 3);
        using SqliteCommand metric = Prepare(connection, "INSERT INTO metrics VALUES (@p0, @p1, @p2, @p3)", 4);
        using SqliteCommand tag = Prepare(connection, "INSERT INTO tags VALUES (@p0, @p1, @p2)", 3);
        foreach (Run r in runs)
        {
            Execute(run, RunRow(r));
            foreach ((string key, string value) in r.Params)
                Execute(param, r.Id, key, value);
            foreach (RunMetric m in r.Metrics)
                Execute(metric, r.Id, m.Split, m.Name, m.Value);
            foreach ((string key, string value) in r.Tags)
                Execute(tag, r.Id, key, value);
        }

        transaction.Commit();
    }

    private static void FillPostgres(string connectionString, IEnumerable<Run> runs)
    {
        List<Run> all = [.. runs];
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (NpgsqlBinaryImporter copy = connection.BeginBinaryImport("COPY runs (id, model, status, source, started_at, ended_at, parent_id, data_fingerprint, git_commit, git_dirty, host, pid, ci_system, model_sha256, package_id, package_version) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (Run r in all)
            {
                copy.StartRow();
                foreach (object? value in RunRow(r))
                    Write(copy, value);
            }

            copy.Complete();
        }

        Copy(connection, "params", all.SelectMany(r => r.Params.Select(p => new object?[] { r.Id, p.Key, p.Value })));
        Copy(connection, "metrics", all.SelectMany(r => r.Metrics.Select(m => new object?[] { r.Id, m.Split, m.Name, m.Value })));
        Copy(connection, "tags", all.SelectMany(r => r.Tags.Select(t => new object?[] { r.Id, t.Key, t.Value })));
        // What autovacuum does soon after a load this size: statistics for the planner, and the visibility map that
        // lets the covering indexes answer without reading the tables.
        using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
        vacuum.ExecuteNonQuery();
    }

    private static void Copy(NpgsqlConnection connection, string table, IEnumerable<object?[]> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (object?[] row in rows)
        {
            copy.StartRow();
            foreach (object? value in row)
                Write(copy, value);
        }

        copy.Complete();
    }

    private static void Write(NpgsqlBinaryImporter copy, object? value)
    {
        switch (value)
        {
            case null: copy.WriteNull(); break;
            case double d: copy.Write(d, NpgsqlDbType.Double); break;
            case int i: copy.Write(i, NpgsqlDbType.Integer); break;
            default: copy.Write((string)value, NpgsqlDbType.Text); break;
        }
    }

    private static object?[] RunRow(Run r) =>
    [
        r.Id, r.Model, r.Status.ToName(), r.Source, Instant(r.StartedAt), r.EndedAt is { } e ? Instant(e) : null, r.ParentId, r.DataFingerprint,
        r.GitCommit, r.GitDirty is { } dirty ? (dirty ? 1 : 0) : null, r.Host, r.ProcessId, r.CiSystem, r.ModelSha256, r.PackageId, r.PackageVersion,
    ];

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int count)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        for (int i = 0; i < count; i++)
            command.Parameters.Add(new SqliteParameter($"@p{i}", null));
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
