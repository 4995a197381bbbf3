using MLOps.Core.Tracking;
using Xunit;

namespace MLOps.Core.Tests.Tracking.Query;

/// <summary>
/// One real run store per back end (a SQLite file; a database on the test PostgreSQL server when it is installed),
/// each filled through <see cref="IRunStore"/> with four runs that differ in every way the filter language can tell
/// apart, shared by the tests of a class (they only read).
/// </summary>
public sealed class QueryStores : IDisposable
{
    private readonly Dictionary<string, (StoreBackend Backend, IRunStore Store)> _stores = [];

    /// <summary>Every case of <paramref name="cases"/> on each back end.</summary>
    public static TheoryData<string, string, string> OnBothBackends(params (string Query, string Expected)[] cases)
    {
        var data = new TheoryData<string, string, string>();
        foreach (string backend in new[] { StoreBackend.Sqlite, StoreBackend.PostgreSql })
        {
            foreach ((string query, string expected) in cases)
                data.Add(backend, query, expected);
        }

        return data;
    }

    /// <summary>The last digit of each selected run's id ("1".."4"), in the store's order.</summary>
    public string Ids(string backend, RunSelection selection) =>
        string.Join(',', Store(backend).List(selection).Select(r => r.Id[^1..]));

    /// <summary>The store of <paramref name="backend"/>, filled on first use; skips the test when PostgreSQL is missing.</summary>
    public IRunStore Store(string backend)
    {
        if (_stores.TryGetValue(backend, out var open))
            return open.Store;
        var created = StoreBackend.Create(backend);
        IRunStore store = created.Open();
        _stores[backend] = (created, store);
        Fill(store);
        return store;
    }

    // r1: LightGbm on A, the best; r2: FastTree on A, failed; r3: a LightGbm child of r1 on B with a learning rate that is
    // not a number; r4: still running on B, no metrics, no seed, a tag with a capital and a literal '%'.
    private static void Fill(IRunStore store)
    {
        Add(store, "aaaa000000000001", "A", RunStatus.Succeeded, 1, null, new() { ["trainer"] = "LightGbm", ["seed"] = "42", ["lr"] = "0.1" }, 0.91, 0.88, "big data");
        Add(store, "aaaa000000000002", "A", RunStatus.Failed, 2, null, new() { ["trainer"] = "FastTree", ["seed"] = "7", ["lr"] = "0.05" }, 0.75, 0.80, "small");
        Add(store, "bbbb000000000003", "B", RunStatus.Succeeded, 3, "aaaa000000000001", new() { ["trainer"] = "LightGbm", ["seed"] = "100", ["lr"] = "auto" }, 0.60, null, null);
        Add(store, "bbbb000000000004", "B", RunStatus.Running, 4, null, new() { ["trainer"] = "Sdca" }, null, null, "Big%");
    }

    private static void Add(IRunStore store, string id, string model, RunStatus status, int day, string? parent, Dictionary<string, string> parameters, double? auc, double? validationAuc, string? note)
    {
        var metrics = new List<RunMetric>();
        if (auc is not null)
            metrics.Add(new RunMetric(RunMetric.Test, "auc", auc.Value));
        if (validationAuc is not null)
            metrics.Add(new RunMetric(RunMetric.Validation, "auc", validationAuc.Value));
        store.Start(new Run
        {
            Id = id, Model = model, Status = status, StartedAt = new DateTimeOffset(2026, 11, day, 10, 0, 0, TimeSpan.Zero), ParentId = parent,
            Params = parameters, Metrics = metrics, Tags = note is null ? new Dictionary<string, string>() : new() { ["note"] = note },
        });
    }

    public void Dispose()
    {
        foreach ((StoreBackend backend, IRunStore store) in _stores.Values)
        {
            store.Dispose();
            backend.Dispose();
        }
    }
}
