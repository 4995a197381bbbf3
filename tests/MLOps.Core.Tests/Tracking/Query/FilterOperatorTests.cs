using MLOps.Core.Tracking.Query;
using Xunit;

namespace MLOps.Core.Tests.Tracking.Query;

/// <summary>Each operator of the filter language, compiled for SQLite and run against a real database (<see cref="QueryDatabase"/>).</summary>
public sealed class FilterOperatorTests : IDisposable
{
    private readonly QueryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("metrics.auc = 0.75", "2")]
    [InlineData("metrics.auc != 0.75", "3,1")]
    [InlineData("metrics.auc <> 0.75", "3,1")]
    [InlineData("metrics.auc < 0.75", "3")]
    [InlineData("metrics.auc <= 0.75", "3,2")]
    [InlineData("metrics.auc > 0.75", "1")]
    [InlineData("metrics.auc >= 0.75", "2,1")]
    [InlineData("metrics.auc IN (0.6, 0.91)", "3,1")]
    [InlineData("metrics.test.auc > 0.8", "1")]
    [InlineData("metrics.validation.auc > 0.85", "1")]
    [InlineData("metrics.validation.auc < 0.85", "2")]
    public void Should_select_the_runs_whose_metric_matches_When_the_filter_compares_a_metric(string filter, string expected)
    {
        // Given four runs, r4 without metrics and r3 without a validation metric
        // When the filter compares a metric (the test split unless it says validation)
        // Then exactly the runs whose value matches are selected, newest first
        Assert.Equal(expected, string.Join(',', _db.Ids(filter)));
    }

    [Theory]
    [InlineData("params.trainer = 'LightGbm'", "3,1")]
    [InlineData("params.trainer != 'LightGbm'", "4,2")]
    [InlineData("params.trainer IN ('FastTree', 'Sdca')", "4,2")]
    [InlineData("params.trainer LIKE 'Light%'", "3,1")]
    [InlineData("params.trainer LIKE 'light%'", "")]
    [InlineData("params.trainer ILIKE 'light%'", "3,1")]
    [InlineData("params.trainer LIKE '_dca'", "4")]
    [InlineData("params.trainer < 'G'", "2")]
    [InlineData("params.seed = '42'", "1")]
    [InlineData("params.seed = 42.0", "1")]
    [InlineData("params.seed > 10", "3,1")]
    [InlineData("params.seed >= 42", "3,1")]
    [InlineData("params.seed < 42", "2")]
    [InlineData("params.seed <= 7", "2")]
    [InlineData("params.seed != 42", "3,2")]
    [InlineData("params.seed IN (7, 100)", "3,2")]
    [InlineData("params.lr < 0.07", "2")]
    [InlineData("params.lr = 1e-1", "1")]
    [InlineData("tags.note = 'small'", "2")]
    [InlineData("tags.note LIKE 'big%'", "1")]
    [InlineData("tags.note ILIKE 'big%'", "4,1")]
    [InlineData("tags.note LIKE 'Big\\%'", "4")]
    [InlineData("tags.`note` = 'small'", "2")]
    [InlineData("tag.note IN ('small', 'Big%')", "4,2")]
    public void Should_select_the_runs_whose_value_matches_When_the_filter_compares_a_param_or_tag(string filter, string expected)
    {
        // Given params stored as text ('42', '7', '100'; a learning rate 'auto' on r3) and tags
        // When the filter compares them (numbers with numbers numerically: '7' < 42 although '7' > '42' as text)
        // Then exactly the runs whose value matches are selected; LIKE is case-sensitive, ILIKE is not
        Assert.Equal(expected, string.Join(',', _db.Ids(filter)));
    }

    [Fact]
    public void Should_compare_as_text_When_a_param_is_not_a_number()
    {
        // Given r3's learning rate 'auto' (text) and r1's 0.1
        // When the filter compares the learning rate with a number
        List<string> ids = _db.Ids("params.lr > 0.07");

        // Then r1 matches numerically and r3 as text ('auto' sorts after '0.07'), as the documented rule says
        Assert.Equal(["3", "1"], ids);
    }

    [Theory]
    [InlineData("model = 'B'", "4,3")]
    [InlineData("attributes.model != 'B'", "2,1")]
    [InlineData("status = 'succeeded'", "3,1")]
    [InlineData("status IN ('Running', 'failed')", "4,2")]
    [InlineData("started_at >= '2026-11-03'", "4,3")]
    [InlineData("started_at <= '2026-11-02T12:00:00+02:00'", "2,1")]
    [InlineData("started_at < '2026-11-02T12:00:00+02:00'", "1")]
    [InlineData("parent_id = 'aaaa000000000001'", "3")]
    [InlineData("parent_id != 'x'", "3")]
    [InlineData("parent_id IS NULL", "4,2,1")]
    [InlineData("parent_id IS NOT NULL", "3")]
    [InlineData("id LIKE 'bbbb%'", "4,3")]
    [InlineData("metrics.auc IS NULL", "4")]
    [InlineData("tags.note IS NOT NULL", "4,2,1")]
    public void Should_select_the_runs_whose_attribute_matches_When_the_filter_compares_an_attribute(string filter, string expected)
    {
        // Given runs of two models, four statuses and days, one with a parent
        // When the filter compares an attribute (or asks whether a value is there)
        // Then exactly those runs are selected; an absent value matches no comparison
        Assert.Equal(expected, string.Join(',', _db.Ids(filter)));
    }

    [Theory]
    [InlineData("metrics.auc > 0.7 AND params.trainer = 'LightGbm'", "1")]
    [InlineData("metrics.auc > 0.8 OR params.trainer = 'Sdca'", "4,1")]
    [InlineData("metrics.auc > 0.7 AND (params.trainer = 'LightGbm' OR tags.note LIKE 'sm%')", "2,1")]
    [InlineData("params.trainer = 'Sdca' OR metrics.auc > 0.7 AND params.seed = 7", "4,2")]
    [InlineData("(params.trainer = 'Sdca' OR metrics.auc > 0.7) AND params.seed = 7", "2")]
    [InlineData("NOT metrics.auc > 0.7", "4,3")]
    [InlineData("NOT (model = 'A' OR status = 'running')", "3")]
    [InlineData("params.trainer NOT IN ('LightGbm')", "4,2")]
    [InlineData("params.trainer NOT LIKE 'Light%'", "4,2")]
    [InlineData("not not model = 'A' and status = 'failed'", "2")]
    public void Should_combine_conditions_with_precedence_When_the_filter_uses_AND_OR_NOT_and_parentheses(string filter, string expected)
    {
        // Given the four runs
        // When conditions are combined (NOT binds tighter than AND, AND tighter than OR)
        // Then the selection follows that precedence; NOT of a missing value is true
        Assert.Equal(expected, string.Join(',', _db.Ids(filter)));
    }

    [Theory]
    [InlineData("metrics.auc desc", "1,2,3,4")]
    [InlineData("metrics.auc", "3,2,1,4")]
    [InlineData("params.seed asc", "2,1,3,4")]
    [InlineData("params.seed DESC", "3,1,2,4")]
    [InlineData("params.trainer, started_at", "2,1,3,4")]
    [InlineData("model desc, metrics.auc desc", "3,4,1,2")]
    [InlineData("metrics.validation.auc desc", "1,2,4,3")]
    public void Should_order_the_runs_When_an_order_by_is_given(string orderBy, string expected)
    {
        // Given the four runs
        // When they are ordered (params numerically: 7, 42, 100, not as text 100, 42, 7)
        // Then runs without the value come last, ties go to the newest
        Assert.Equal(expected, string.Join(',', _db.Ids(orderBy: orderBy)));
    }

    [Fact]
    public void Should_select_the_newest_runs_of_a_model_and_parent_When_the_selection_names_them_with_a_limit()
    {
        // Given the four runs
        // When the selection names a model, a parent and limits
        // Then the newest come first and the limit holds
        Assert.Equal(["4", "3", "2", "1"], _db.Ids());
        Assert.Equal(["2"], _db.Ids(model: "A", limit: 1));
        Assert.Equal(["3"], _db.Ids(parentId: "aaaa000000000001"));
        Assert.Equal(["1"], _db.Ids(where: "params.trainer = 'LightGbm'", model: "A"));
    }
}
