namespace MLOps.Core.Tracking;

/// <summary>
/// Where runs are kept: a SQLite file or a PostgreSQL database with the same schema (<see cref="RunStores.Open"/>).
/// Safe with several processes writing at once. Errors the user can act on are <see cref="RunStoreException"/>s.
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary>"sqlite /path/runs.db" or "postgresql host:port/database": for messages, never with a password.</summary>
    string Description { get; }

    /// <summary>Inserts a new run (normally <see cref="RunStatus.Running"/>); first marks this host's runs whose process is gone as failed.</summary>
    void Start(Run run);

    /// <summary>Replaces everything stored for an existing run (status, end, params, metrics, tags, artifacts).</summary>
    void Update(Run run);

    /// <summary>The run with this id, or the only run whose id starts with this prefix (at least 4 characters); null when none.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "The shared API names it Get; no VB consumers.")]
    Run? Get(string idOrUniquePrefix);

    IReadOnlyList<Run> List(RunSelection selection);

    /// <summary>Saves (or replaces) a JSON document of a run: <c>evaluation</c>, <c>profile</c>.</summary>
    void SaveDocument(string runId, string name, string json);

    string? ReadDocument(string runId, string name);

    /// <summary>Marks as failed the running runs whose process is gone (this host), and, with <paramref name="olderThan"/>, any running run started longer ago; returns how many.</summary>
    int MarkAbandoned(TimeSpan? olderThan);
}
