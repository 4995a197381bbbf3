using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Core.Tracking.Query;
using Xunit;

namespace MLOps.Core.Tests.Tracking.Query;

/// <summary>A filter or order-by that cannot be read gets its code, the 1-based position, what was found and what was expected.</summary>
public sealed class FilterErrorTests
{
    [Theory]
    [InlineData("metrics.auc >", "at 14: expected a value after '>', found end of filter")]
    [InlineData("metrics.auc > 0.7 AND", "at 22: expected a condition (a name such as metrics.auc, params.trainer, tags.note or status), NOT or '(' after 'AND', found end of filter")]
    [InlineData("(metrics.auc > 0.7", "at 19: expected AND, OR or ')' to close the '(' at 1, found end of filter")]
    [InlineData("metrics.auc 0.7", "at 13: expected an operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS NULL) after 'metrics.auc', found number 0.7")]
    [InlineData("params.trainer = LightGbm", "at 18: expected a value after '=' (text goes in single quotes: 'LightGbm'), found name 'LightGbm'")]
    [InlineData("model = 'A' status = 'failed'", "at 13: expected AND, OR or end of filter, found name 'status'")]
    [InlineData("model = 'A')", "at 12: expected AND, OR or end of filter (this ')' closes no '('), found ')'")]
    [InlineData("params.trainer IN 'A'", "at 19: expected '(' after IN, found string 'A'")]
    [InlineData("params.trainer IN ('A' 'B')", "at 24: expected ',' or ')' to end the IN list at 16, found string 'B'")]
    [InlineData("params.trainer NOT = 'A'", "at 20: expected LIKE, ILIKE or IN after NOT, found '='")]
    [InlineData("parent_id IS 'x'", "at 14: expected NULL after 'IS', found string 'x'")]
    [InlineData("", "")]
    public void Should_report_MLOPS8020_with_the_position_and_what_was_expected_When_the_filter_is_malformed(string filter, string expected)
    {
        // Given a malformed filter (the empty filter is not one: it selects every run)
        // When it is compiled
        var bag = new DiagnosticBag();
        CompiledRunQuery? query = RunQueryCompiler.TryCompile(bag, QueryDialect.Sqlite, filter);

        // Then MLOPS8020 says where, what was expected and what was found
        if (expected.Length == 0)
        {
            Assert.NotNull(query);
            return;
        }

        Diagnostic error = Assert.Single(bag);
        Assert.Equal(Codes.FilterSyntax, error.Code);
        Assert.Equal($"The filter {expected}.", error.Message);
        Assert.Null(query);
    }

    [Theory]
    [InlineData("params.trainer = 'LightGbm", Codes.FilterLexical, "at 18: the string that starts here is never closed")]
    [InlineData("metrics.auc # 0.7", Codes.FilterLexical, "at 13: found '#', which starts no token")]
    [InlineData("metrics.auc ! 0.7", Codes.FilterLexical, "at 13: found '!' alone; expected '!='")]
    [InlineData("metrics.auc > 0.7.1", Codes.FilterLexical, "at 15: found '0.7.1', which is not a number")]
    [InlineData("params.`my key = 1", Codes.FilterLexical, "at 8: the quoted name that starts here is never closed")]
    [InlineData("foo = 1", Codes.FilterUnknownName, "at 1: unknown attribute 'foo'; valid attributes: id, model, status, source, started_at, ended_at, parent_id, cached_from, git_commit")]
    [InlineData("metricz.auc > 1", Codes.FilterUnknownName, "at 1: unknown name 'metricz.auc'; expected metrics.<name>, metrics.validation.<name>, params.<key>, tags.<key> or an attribute: id, model")]
    [InlineData("metrics. > 1", Codes.FilterUnknownName, "at 1: 'metrics.' names no key; expected a metric name after the dot")]
    [InlineData("attributes.colour = 'red'", Codes.FilterUnknownName, "at 1: unknown attribute 'attributes.colour'")]
    [InlineData("metrics.auc = 'high'", Codes.FilterTypeMismatch, "at 15: 'metrics.auc' is a metric (a number) and = needs a number, found string 'high'")]
    [InlineData("metrics.auc LIKE '0.9%'", Codes.FilterTypeMismatch, "at 1: LIKE cannot apply to 'metrics.auc', a metric (a number)")]
    [InlineData("params.trainer LIKE 5", Codes.FilterTypeMismatch, "at 21: LIKE takes a pattern in quotes, found number 5")]
    [InlineData("status = 'done'", Codes.FilterInvalidValue, "at 10: 'status' is never string 'done'; valid statuses: running, succeeded, failed, gate-failed, cached")]
    [InlineData("started_at > 'yesterday'", Codes.FilterInvalidValue, "at 14: 'started_at' is an instant, found string 'yesterday'; expected an ISO 8601 date or time")]
    [InlineData("ended_at > 2026", Codes.FilterInvalidValue, "at 12: 'ended_at' is an instant, found number 2026")]
    public void Should_report_the_code_of_the_problem_with_its_position_When_the_filter_cannot_be_read(string filter, string code, string expected)
    {
        // Given a filter with a lexical, name, type or value problem
        // When it is compiled
        var bag = new DiagnosticBag();
        RunQueryCompiler.TryCompile(bag, QueryDialect.PostgreSql, filter);

        // Then that problem's code says where it is and what was expected
        Diagnostic error = Assert.Single(bag);
        Assert.Equal(code, error.Code);
        Assert.StartsWith($"The filter {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_MLOPS8026_When_parentheses_nest_too_deep()
    {
        // Given a filter nested 100 parentheses deep
        string filter = new string('(', 100) + "model = 'A'" + new string(')', 100);

        // When it is compiled
        var bag = new DiagnosticBag();
        RunQueryCompiler.TryCompile(bag, QueryDialect.Sqlite, filter);

        // Then MLOPS8026 says it nests too deep (rather than the process running out of stack)
        Assert.Equal(Codes.FilterTooComplex, Assert.Single(bag).Code);
        Assert.Contains("nest more than 64 deep", Assert.Single(bag).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_MLOPS8026_When_the_filter_is_longer_than_it_reads()
    {
        // Given a filter of 20,000 characters
        string filter = "model IN (" + string.Join(", ", Enumerable.Repeat("'abcdefgh'", 1700)) + ")";

        // When it is compiled
        var bag = new DiagnosticBag();
        RunQueryCompiler.TryCompile(bag, QueryDialect.Sqlite, filter);

        // Then MLOPS8026 says how long it is and how long it may be
        Assert.Equal(Codes.FilterTooComplex, Assert.Single(bag).Code);
    }

    [Theory]
    [InlineData("metrics.auc descending", "at 13: expected ASC, DESC, ',' or end of order-by after 'metrics.auc', found name 'descending'")]
    [InlineData(", started_at", "at 1: expected a name to order by (metrics.auc, params.seed, started_at), found ','")]
    [InlineData("metrics.auc desc,", "at 18: expected a name after ',', found end of order-by")]
    [InlineData("started_at > 1", "at 12: expected ASC, DESC, ',' or end of order-by after 'started_at', found '>'")]
    public void Should_report_MLOPS8025_with_the_position_When_the_order_by_is_malformed(string orderBy, string expected)
    {
        // Given a malformed order-by
        // When it is compiled
        var bag = new DiagnosticBag();
        RunQueryCompiler.TryCompile(bag, QueryDialect.Sqlite, orderBy: orderBy);

        // Then MLOPS8025 says where and what was expected
        Diagnostic error = Assert.Single(bag);
        Assert.Equal(Codes.OrderBySyntax, error.Code);
        Assert.Equal($"The order-by {expected}.", error.Message);
    }

    [Fact]
    public void Should_report_MLOPS8022_listing_the_attributes_When_the_order_by_names_an_unknown_one()
    {
        // Given an order-by on an attribute that does not exist
        // When it is compiled
        var bag = new DiagnosticBag();
        RunQueryCompiler.TryCompile(bag, QueryDialect.Sqlite, orderBy: "duration desc");

        // Then MLOPS8022 names it and lists the valid ones
        Diagnostic error = Assert.Single(bag);
        Assert.Equal(Codes.FilterUnknownName, error.Code);
        Assert.StartsWith("The order-by at 1: unknown attribute 'duration'; valid attributes: id, model, status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_throw_a_RunStoreException_with_the_compiler_s_code_When_the_store_lists_with_a_bad_filter()
    {
        // Given a real SQLite store
        using var stores = new QueryStores();
        IRunStore store = stores.Store(StoreBackend.Sqlite);

        // When it lists with a malformed filter
        var e = Assert.Throws<RunStoreException>(() => store.List(new RunSelection(Where: "metrics.auc >")));

        // Then the store reports the compiler's code and message (callers report store problems by code)
        Assert.Equal(Codes.FilterSyntax, e.Code);
        Assert.Equal("The filter at 14: expected a value after '>', found end of filter.", e.Message);
    }
}
