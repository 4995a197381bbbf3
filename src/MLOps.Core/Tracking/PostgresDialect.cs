using System.Data.Common;
using Npgsql;

namespace MLOps.Core.Tracking;

/// <summary>
/// PostgreSQL: writes in read-committed transactions (each run's rows are written by one process, so there is nothing to
/// serialise beyond the primary keys); migrations under a transaction-scoped advisory lock, so concurrent first opens
/// apply each migration once.
/// </summary>
internal sealed class PostgresDialect : StoreDialect
{
    // Any fixed 64-bit number identifies the lock; this one spells the code range of the run store.
    private const long MigrationLock = 0x4D4C4F5053_8001;

    public override string Name => "postgresql";

    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    public override DbTransaction BeginMigration(DbConnection connection)
    {
        DbTransaction transaction = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@key)", transaction, ("@key", MigrationLock));
        return transaction;
    }

    public static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>"postgresql host:port/database" (never the user or password).</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
