using System.Data.Common;
using System.Text.Json;

namespace MLOps.Core.Tracking;

/// <summary>Writes one run (its row, params, metrics and tags) inside the caller's transaction.</summary>
internal static class RunWriter
{
    private const string Columns = "id, model, status, source, started_at, ended_at, parent_id, cached_from, data_fingerprint, git_commit, git_dirty, host, pid, ci_system, ci_run_url, tool_versions, model_sha256, package_id, package_version";

    private const string Values = "@id, @model, @status, @source, @started_at, @ended_at, @parent_id, @cached_from, @data_fingerprint, @git_commit, @git_dirty, @host, @pid, @ci_system, @ci_run_url, @tool_versions, @model_sha256, @package_id, @package_version";

    public static void Insert(DbConnection connection, DbTransaction transaction, Run run)
    {
        connection.Execute($"INSERT INTO runs ({Columns}) VALUES ({Values})", transaction, RowValues(run));
        InsertChildren(connection, transaction, run);
    }

    /// <summary>Replaces the run's row and children; false when no run has that id.</summary>
    public static bool Replace(DbConnection connection, DbTransaction transaction, Run run)
    {
        string assignments = string.Join(", ", Columns.Split(", ").Skip(1).Select(c => $"{c} = @{c}"));
        if (connection.Execute($"UPDATE runs SET {assignments} WHERE id = @id", transaction, RowValues(run)) == 0)
            return false;
        foreach (string table in new[] { "params", "metrics", "tags" })
            connection.Execute($"DELETE FROM {table} WHERE run_id = @id", transaction, ("@id", run.Id));
        InsertChildren(connection, transaction, run);
        return true;
    }

    private static void InsertChildren(DbConnection connection, DbTransaction transaction, Run run)
    {
        InsertPairs(connection, transaction, "params", run.Id, run.Params);
        InsertPairs(connection, transaction, "tags", run.Id, run.Tags);
        if (run.Metrics.Count == 0)
            return;
        using DbCommand command = connection.Command("INSERT INTO metrics (run_id, split, key, value) VALUES (@run, @split, @key, @value)", transaction,
            ("@run", run.Id), ("@split", ""), ("@key", ""), ("@value", 0.0));
        foreach (RunMetric metric in run.Metrics)
        {
            command.Parameters["@split"].Value = metric.Split;
            command.Parameters["@key"].Value = metric.Name;
            command.Parameters["@value"].Value = metric.Value;
            command.ExecuteNonQuery();
        }
    }

    private static void InsertPairs(DbConnection connection, DbTransaction transaction, string table, string runId, IReadOnlyDictionary<string, string> pairs)
    {
        if (pairs.Count == 0)
            return;
        using DbCommand command = connection.Command($"INSERT INTO {table} (run_id, key, value) VALUES (@run, @key, @value)", transaction,
            ("@run", runId), ("@key", ""), ("@value", ""));
        foreach ((string key, string value) in pairs)
        {
            command.Parameters["@key"].Value = key;
            command.Parameters["@value"].Value = value;
            command.ExecuteNonQuery();
        }
    }

    private static (string, object?)[] RowValues(Run run) =>
    [
        ("@id", run.Id), ("@model", run.Model), ("@status", run.Status.ToName()), ("@source", run.Source),
        ("@started_at", StoreTime.ToText(run.StartedAt)), ("@ended_at", run.EndedAt is { } end ? StoreTime.ToText(end) : null),
        ("@parent_id", run.ParentId), ("@cached_from", run.CachedFrom), ("@data_fingerprint", run.DataFingerprint),
        ("@git_commit", run.GitCommit), ("@git_dirty", run.GitDirty is { } dirty ? (dirty ? 1 : 0) : null), ("@host", run.Host),
        ("@pid", run.ProcessId), ("@ci_system", run.CiSystem), ("@ci_run_url", run.CiRunUrl),
        ("@tool_versions", run.ToolVersions.Count == 0 ? null : JsonSerializer.Serialize(new SortedDictionary<string, string>(run.ToolVersions.ToDictionary(), StringComparer.Ordinal))),
        ("@model_sha256", run.ModelSha256), ("@package_id", run.PackageId), ("@package_version", run.PackageVersion),
    ];
}
