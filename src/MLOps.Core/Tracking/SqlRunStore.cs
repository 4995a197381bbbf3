using System.Data.Common;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking;

/// <summary>
/// The run store over one open connection, the same SQL for SQLite and PostgreSQL; the dialect only says how to lock.
/// Each write is one transaction, so a reader never sees half a run. Database errors after opening become
/// <see cref="RunStoreException"/>s naming the store (<see cref="Codes.RunStoreWriteFailed"/>).
/// </summary>
internal sealed class SqlRunStore : IRunStore
{
    private readonly DbConnection _connection;
    private readonly StoreDialect _dialect;

    public SqlRunStore(DbConnection connection, StoreDialect dialect, string description)
    {
        _connection = connection;
        _dialect = dialect;
        Description = description;
    }

    public string Description { get; }

    public void Start(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        MarkAbandoned(null);
        Write(transaction => RunWriter.Insert(_connection, transaction, run));
    }

    public void Update(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        bool found = false;
        Write(transaction => found = RunWriter.Replace(_connection, transaction, run));
        if (!found)
            throw new RunStoreException(Codes.RunNotFound, $"No run {run.Id} in the run store {Description} to update: it was never started there.");
    }

    public Run? Get(string idOrUniquePrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrUniquePrefix);
        string prefix = idOrUniquePrefix.Trim().ToLowerInvariant();
        if (!RunIds.IsPrefix(prefix))
            throw new RunStoreException(Codes.RunIdInvalid, $"'{idOrUniquePrefix}' is not a run id: expected {RunIds.MinimumPrefix} to {RunIds.Length} hex characters (a run id or its start).");
        // Ids are hex, and 'g' sorts after every hex digit: [prefix, prefix + "g") is exactly the ids that start with it.
        IReadOnlyList<Run> runs = Guard(() => RunReader.Read(_connection, "WHERE r.id >= @lo AND r.id < @hi ORDER BY r.id LIMIT 2", [("@lo", prefix), ("@hi", prefix + "g")]));
        if (runs.Count > 1)
        {
            throw new RunStoreException(Codes.RunIdAmbiguous,
                $"'{idOrUniquePrefix}' starts more than one run id ({runs[0].Id}, {runs[1].Id}, ...) in {Description}: give more characters.");
        }

        return runs.Count == 1 ? runs[0] : null;
    }

    public IReadOnlyList<Run> List(RunSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var parameters = new List<(string, object?)>();
        string tail = RunSelectionSql.Compile(selection, _dialect.Name, parameters);
        return Guard(() => RunReader.Read(_connection, tail, parameters));
    }

    public void SaveDocument(string runId, string name, string json) =>
        Write(transaction => _connection.Execute(
            "INSERT INTO documents (run_id, name, content) VALUES (@run, @name, @content) ON CONFLICT (run_id, name) DO UPDATE SET content = excluded.content",
            transaction, ("@run", runId), ("@name", name), ("@content", json)));

    public string? ReadDocument(string runId, string name) =>
        Guard(() => _connection.Scalar("SELECT content FROM documents WHERE run_id = @run AND name = @name", null, ("@run", runId), ("@name", name)) as string);

    public int MarkAbandoned(TimeSpan? olderThan)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        IReadOnlyList<Run> running = Guard(() => RunReader.Read(_connection, "WHERE r.status = 'running'", []));
        var abandoned = running.Where(r => AbandonedRuns.Why(r, now, olderThan) is not null).ToList();
        if (abandoned.Count == 0)
            return 0;
        int marked = 0;
        Write(transaction =>
        {
            foreach (Run run in abandoned)
            {
                // Only if still running: another process may have finished or marked it meanwhile.
                marked += _connection.Execute("UPDATE runs SET status = 'failed', ended_at = @now WHERE id = @id AND status = 'running'", transaction,
                    ("@now", StoreTime.ToText(now)), ("@id", run.Id));
                _connection.Execute("INSERT INTO tags (run_id, key, value) VALUES (@id, 'abandoned', @why) ON CONFLICT (run_id, key) DO NOTHING", transaction,
                    ("@id", run.Id), ("@why", AbandonedRuns.Why(run, now, olderThan)));
            }
        });
        return marked;
    }

    public void Dispose() => _connection.Dispose();

    private void Write(Action<DbTransaction> write) => Guard(() =>
    {
        using DbTransaction transaction = _dialect.BeginWrite(_connection);
        write(transaction);
        transaction.Commit();
        return 0;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw new RunStoreException(Codes.RunStoreWriteFailed, $"The run store {Description} failed: {e.Message}", e);
        }
    }
}
