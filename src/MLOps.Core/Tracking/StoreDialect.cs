using System.Data.Common;

namespace MLOps.Core.Tracking;

/// <summary>What differs between the back ends beyond the migration files: how a writer or a migrator takes its lock.</summary>
internal abstract class StoreDialect
{
    /// <summary>sqlite or postgresql: the migrations folder and the first word of a store's description.</summary>
    public abstract string Name { get; }

    /// <summary>A transaction that holds the store's write lock from its first statement (no lock upgrade, so no deadlock).</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A write transaction that also keeps other migrators out until it ends.</summary>
    public virtual DbTransaction BeginMigration(DbConnection connection) => BeginWrite(connection);
}
