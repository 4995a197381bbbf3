using MLOps.Core.Tracking;
using MLOps.Core.Tracking.Query;
using Xunit;

namespace MLOps.Core.Tests.Tracking.Query;

/// <summary>Values written in a filter reach the database only as parameters, never as SQL text.</summary>
public sealed class FilterInjectionTests
{
    [Theory]
    [InlineData(QueryDialect.Sqlite)]
    [InlineData(QueryDialect.PostgreSql)]
    public void Should_keep_every_value_out_of_the_sql_When_the_filter_is_compiled(QueryDialect dialect)
    {
        // Given a filter with text, numbers, a pattern, a list and keys
        string filter = "params.trainer = 'LightGbm' AND metrics.auc > 0.7125 AND tags.`my note` LIKE 'big%' AND model IN ('Flights', 'Iris')";

        // When it is compiled
        CompiledRunQuery query = RunQueryCompiler.Compile(dialect, filter, "params.learning desc", limit: 20);

        // Then none of the values or keys appears in the SQL, and each is a parameter
        foreach (string value in new[] { "LightGbm", "0.7125", "my note", "big", "Flights", "Iris", "trainer", "learning", "20" })
            Assert.DoesNotContain(value, query.Sql, StringComparison.Ordinal);
        Assert.Contains(query.Parameters, p => p.Value is "LightGbm");
        Assert.Contains(query.Parameters, p => p.Value is 0.7125);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackend.All), MemberType = typeof(StoreBackend))]
    public void Should_match_nothing_and_change_nothing_When_a_value_tries_to_end_the_string(string backend)
    {
        // Given a real store and a value that would close the string in concatenated SQL
        using var stores = new QueryStores();
        IRunStore store = stores.Store(backend);

        // When it is used as a value
        IReadOnlyList<Run> runs = store.List(new RunSelection(Where: "params.trainer = 'x'' OR 1=1; DELETE FROM runs; --'"));

        // Then it is compared as the text it is: nothing matches and the runs are all there
        Assert.Empty(runs);
        Assert.Equal(4, store.List(RunSelection.All).Count);
    }
}
