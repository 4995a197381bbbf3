using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using Xunit;
using MLOps.Tests.Shared;
using MLOps.Tests.Shared.Postgres;

namespace MLOps.Core.Tests.Tracking;

/// <summary>A fresh, empty run store of one back end for one test: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
internal sealed class StoreBackend : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    private readonly TempFolder? _temp;

    private StoreBackend(string connectionString, TempFolder? temp)
    {
        ConnectionString = connectionString;
        _temp = temp;
    }

    /// <summary>The back ends every store test runs against.</summary>
    public static TheoryData<string> All => [Sqlite, PostgreSql];

    public string ConnectionString { get; }

    /// <summary>A new empty store of <paramref name="backend"/>; skips the test, saying what is missing, when PostgreSQL is not installed.</summary>
    public static StoreBackend Create(string backend)
    {
        if (backend == Sqlite)
        {
            var temp = new TempFolder("mlops-runs");
            return new StoreBackend(temp.PathOf("runs.db"), temp);
        }

        Skip.If(PostgresServer.Missing is not null, PostgresServer.Missing);
        return new StoreBackend(PostgresServer.Shared.CreateDatabase(), null);
    }

    public IRunStore Open()
    {
        var bag = new DiagnosticBag();
        IRunStore? store = RunStores.Open(ConnectionString, bag);
        Assert.True(store is not null, string.Join("; ", bag));
        return store;
    }

    public void Dispose() => _temp?.Dispose();
}
