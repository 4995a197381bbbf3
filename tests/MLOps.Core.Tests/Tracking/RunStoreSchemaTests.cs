using Microsoft.Data.Sqlite;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using Xunit;

namespace MLOps.Core.Tests.Tracking;

/// <summary>The schema: created on first open, migrated once, and a store migrated by newer tools is refused.</summary>
public sealed class RunStoreSchemaTests
{
    public static TheoryData<string> Backends => StoreBackend.All;

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_apply_each_migration_once_When_a_store_is_opened_again(string backend)
    {
        // Given a store opened (and so created) once, with a run in it
        using StoreBackend store = StoreBackend.Create(backend);
        Run run = RunFactory.Full();
        using (IRunStore first = store.Open())
            first.Start(run);

        // When it is opened again
        using IRunStore again = store.Open();

        // Then the run is still there (nothing was re-created)
        Assert.Equal(run.Id, again.Get(run.Id)?.Id);
    }

    [Fact]
    public void Should_say_MLOPS8003_When_the_store_was_migrated_by_newer_tools()
    {
        // Given a SQLite store whose schema_migrations names a version this build does not know
        using StoreBackend store = StoreBackend.Create(StoreBackend.Sqlite);
        store.Open().Dispose();
        using (var connection = new SqliteConnection($"Data Source={store.ConnectionString};Pooling=false"))
        {
            connection.Open();
            using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (9999, '2030-01-01T00:00:00.000Z')";
            insert.ExecuteNonQuery();
        }

        // When it is opened
        var bag = new DiagnosticBag();
        IRunStore? opened = RunStores.Open(store.ConnectionString, bag);

        // Then it is refused, saying to update the tools
        Assert.Null(opened);
        Diagnostic error = Assert.Single(bag);
        Assert.Equal(Codes.RunStoreSchemaTooNew, error.Code);
        Assert.Contains("9999", error.Message, StringComparison.Ordinal);
    }
}
