using System.Data.Common;
using System.Reflection;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking;

/// <summary>
/// Brings a store's schema up to date from the numbered SQL files embedded for its dialect (Store/Migrations/&lt;dialect&gt;/0001_*.sql),
/// each in the transaction that records it in schema_migrations. The dialect serialises concurrent migrators
/// (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so two processes opening a new store at once apply each file once.
/// </summary>
internal static class Migrator
{
    private const string Prefix = "Tracking/Migrations/";

    public static void Migrate(DbConnection connection, StoreDialect dialect, string description)
    {
        IReadOnlyList<(int Version, string Sql)> migrations = Load(dialect.Name);
        int latest = migrations[^1].Version;
        int? current = CurrentVersion(connection, null);
        if (current == latest)
            return; // The common case: one read, no lock.

        using DbTransaction transaction = dialect.BeginMigration(connection);
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", transaction);
        current = CurrentVersion(connection, transaction) ?? 0;
        if (current > latest)
        {
            throw new RunStoreException(Codes.RunStoreSchemaTooNew,
                $"The run store {description} has schema version {current}; this tool knows up to {latest}. Update the mlops tools (MLOps.Sdk, mlops) to the version that migrated it.");
        }

        foreach ((int version, string sql) in migrations.Where(m => m.Version > current))
        {
            connection.Execute(sql, transaction);
            connection.Execute("INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)", transaction,
                ("@v", version), ("@at", StoreTime.ToText(DateTimeOffset.UtcNow)));
        }

        transaction.Commit();
    }

    private static int? CurrentVersion(DbConnection connection, DbTransaction? transaction)
    {
        try
        {
            object? value = connection.Scalar("SELECT MAX(version) FROM schema_migrations", transaction);
            return value is null ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException) when (transaction is null)
        {
            return null; // No schema_migrations yet: a new store.
        }
    }

    /// <summary>The dialect's migrations in order (resource names use '/' whatever the build machine's separator was).</summary>
    internal static IReadOnlyList<(int Version, string Sql)> Load(string dialect)
    {
        Assembly assembly = typeof(Migrator).Assembly;
        string folder = $"{Prefix}{dialect}/";
        var migrations = new List<(int, string)>();
        foreach (string name in assembly.GetManifestResourceNames())
        {
            string normal = name.Replace('\\', '/');
            if (!normal.StartsWith(folder, StringComparison.Ordinal) || !normal.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            int version = int.Parse(normal.AsSpan(folder.Length, 4), System.Globalization.CultureInfo.InvariantCulture);
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            migrations.Add((version, reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Item1)];
    }
}
