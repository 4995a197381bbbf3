using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MLOps.Core.Tracking;

/// <summary>
/// A SQLite file in WAL mode (readers never wait for the writer) with a 10 s busy timeout; a write transaction is
/// BEGIN IMMEDIATE, so two writers queue on the lock instead of failing to upgrade a read lock.
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    public const int BusyTimeoutSeconds = 10;

    public override string Name => "sqlite";

    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    /// <summary>Opens (creating when missing) the file <paramref name="connectionString"/> names, in WAL mode.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = BusyTimeoutSeconds,
            // One connection per store object, kept for its lifetime: nothing to pool, and no file handle left behind after Dispose.
            Pooling = false,
        };
        if (builder.DataSource.Length > 0 && builder.DataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
            Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            connection.Execute($"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>"sqlite /full/path/runs.db".</summary>
    public static string Describe(string connectionString) =>
        $"sqlite {Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)}";
}
