using Microsoft.Data.Sqlite;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Core.Tracking.Query;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Tracking.Query;

/// <summary>
/// How SQLite runs a compiled OR filter on a migrated store: what keeps <c>mlops runs list --where</c> fast at
/// 100,000 runs (bench/results/2026-12-01-runs-query.md). A change to the compiler or the indexes that loses it fails here.
/// </summary>
public sealed class QueryPlanTests
{
    [Fact]
    public void Should_walk_the_newest_first_index_and_read_each_set_from_a_covering_index_When_an_OR_filter_is_compiled()
    {
        // Given a store migrated to the current schema
        using var temp = new TempFolder("mlops-plan");
        string path = temp.PathOf("runs.db");
        using (RunStores.Open(path, new DiagnosticBag()) ?? throw new InvalidOperationException("store did not open")) { }

        // When SQLite plans an OR of a metric, a param and a tag condition, limited to 20
        CompiledRunQuery query = RunQueryCompiler.Compile(QueryDialect.Sqlite, "metrics.auc > 0.9 OR (params.trainer = 'FastTree' AND tags.note LIKE 'big%')", limit: 20);
        List<string> plan = Plan(path, query);

        // Then it walks (started_at, id) in order without touching table rows or sorting, and every set comes from an index holding run_id
        Assert.Contains("SCAN r USING COVERING INDEX ix_runs_started_id", plan);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH m USING COVERING INDEX ix_metrics_split_key_value_run", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH p USING COVERING INDEX ix_params_key_value_run", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH t USING COVERING INDEX ix_tags_key_value_run", StringComparison.Ordinal));
    }

    private static List<string> Plan(string path, CompiledRunQuery query)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
        foreach (QueryParameter parameter in query.Parameters)
            command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        var steps = new List<string>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
            steps.Add(reader.GetString(3));
        return steps;
    }
}
