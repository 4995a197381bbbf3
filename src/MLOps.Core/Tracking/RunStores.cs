using System.Data.Common;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking;

/// <summary>
/// Opens the run store a connection string names (a SQLite path or <c>Data Source=...</c>; PostgreSQL <c>Host=...</c> or
/// <c>postgres://...</c>), creating and migrating its schema on first use. Problems are reported, never thrown.
/// </summary>
public static class RunStores
{
    /// <summary>The open store, or null after reporting MLOPS8001 (unreadable), MLOPS8002 (unreachable) or MLOPS8003 (schema too new).</summary>
    public static IRunStore? Open(string connectionString, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(bag);
        if (ConnectionTarget.Parse(connectionString, out string? error) is not { } target)
        {
            bag.Error(Codes.RunStoreConnectionInvalid,
                $"The run store connection string '{Redacted(connectionString)}' cannot be read: {error}. Give a SQLite file path, 'Data Source=<path>', 'Host=<server>;Database=<db>;Username=<user>' or postgres://user@host/db (MLOpsRunStore or MLOPS_RUN_STORE).");
            return null;
        }

        DbConnection? connection = null;
        string description = target.Redacted;
        try
        {
            description = target.Kind == StoreKind.Sqlite ? SqliteDialect.Describe(target.ConnectionString) : PostgresDialect.Describe(target.ConnectionString);
            StoreDialect dialect = target.Kind == StoreKind.Sqlite ? new SqliteDialect() : new PostgresDialect();
            connection = target.Kind == StoreKind.Sqlite ? SqliteDialect.Open(target.ConnectionString) : PostgresDialect.Open(target.ConnectionString);
            Migrator.Migrate(connection, dialect, description);
            return new SqlRunStore(connection, dialect, description);
        }
        catch (ArgumentException e)
        {
            connection?.Dispose();
            bag.Error(Codes.RunStoreConnectionInvalid, $"The run store connection string '{target.Redacted}' cannot be read: {e.Message}");
        }
        catch (RunStoreException e)
        {
            connection?.Dispose();
            bag.Error(e.Code, e.Message);
        }
        // DbException covers both clients' (SqliteException, NpgsqlException); naming Npgsql's type here would load its assembly for a SQLite store.
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException or System.Net.Sockets.SocketException)
        {
            connection?.Dispose();
            bag.Error(Codes.RunStoreUnreachable,
                $"The run store {description} cannot be opened: {e.Message.TrimEnd('.')}. Check that the file's folder is writable or the server is up and the credentials are right, or set MLOpsTrackRuns=false to build without recording runs.");
        }

        return null;
    }

    private static string Redacted(string text) => ConnectionTarget.Redact(text);
}
