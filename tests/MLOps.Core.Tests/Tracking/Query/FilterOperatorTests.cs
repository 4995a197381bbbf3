using MLOps.Core.Tracking;
using Xunit;

namespace MLOps.Core.Tests.Tracking.Query;

/// <summary>Each operator of the filter language, run through the run store's List on both back ends (<see cref="QueryStores"/>).</summary>
public sealed class FilterOperatorTests(QueryStores stores) : IClassFixture<QueryStores>
{
    public static TheoryData<string, string, string> TheFilterComparesAMetricCases => QueryStores.OnBothBackends(
        ("metrics.auc = 0.75", "2"),
        ("metrics.auc != 0.75", "3,1"),
        ("metrics.auc <> 0.75", "3,1"),
        ("metrics.auc < 0.75", "3"),
        ("metrics.auc <= 0.75", "3,2"),
        ("metrics.auc > 0.75", "1"),
        ("metrics.auc >= 0.75", "2,1"),
        ("metrics.auc IN (0.6, 0.91)", "3,1"),
        ("metrics.test.auc > 0.8", "1"),
        ("metrics.validation.auc > 0.85", "1"),
        ("metrics.validation.auc < 0.85", "2"));

    public static TheoryData<string, string, string> TheFilterComparesAParamOrTagCases => QueryStores.OnBothBackends(
        ("params.trainer = 'LightGbm'", "3,1"),
        ("params.trainer != 'LightGbm'", "4,2"),
        ("params.trainer IN ('FastTree', 'Sdca')", "4,2"),
        ("params.trainer LIKE 'Light%'", "3,1"),
        ("params.trainer LIKE 'light%'", ""),
        ("params.trainer ILIKE 'light%'", "3,1"),
        ("params.trainer LIKE '_dca'", "4"),
        ("params.trainer < 'G'", "2"),
        ("params.seed = '42'", "1"),
        ("params.seed = 42.0", "1"),
        ("params.seed > 10", "3,1"),
        ("params.seed >= 42", "3,1"),
        ("params.seed < 42", "2"),
        ("params.seed <= 7", "2"),
        ("params.seed != 42", "3,2"),
        ("params.seed IN (7, 100)", "3,2"),
        ("params.lr < 0.07", "2"),
        ("params.lr = 1e-1", "1"),
        ("tags.note = 'small'", "2"),
        ("tags.note LIKE 'big%'", "1"),
        ("tags.note ILIKE 'big%'", "4,1"),
        ("tags.note LIKE 'Big\\%'", "4"),
        ("tags.`note` = 'small'", "2"),
        ("tag.note IN ('small', 'Big%')", "4,2"));

    public static TheoryData<string, string, string> TheFilterComparesAnAttributeCases => QueryStores.OnBothBackends(
        ("model = 'B'", "4,3"),
        ("attributes.model != 'B'", "2,1"),
        ("status = 'succeeded'", "3,1"),
        ("status IN ('Running', 'failed')", "4,2"),
        ("started_at >= '2026-11-03'", "4,3"),
        ("started_at <= '2026-11-02T12:00:00+02:00'", "2,1"),
        ("started_at < '2026-11-02T12:00:00+02:00'", "1"),
        ("parent_id = 'aaaa000000000001'", "3"),
        ("parent_id != 'x'", "3"),
        ("parent_id IS NULL", "4,2,1"),
        ("parent_id IS NOT NULL", "3"),
        ("id LIKE 'bbbb%'", "4,3"),
        ("metrics.auc IS NULL", "4"),
        ("tags.note IS NOT NULL", "4,2,1"));

    public static TheoryData<string, string, string> TheFilterUsesAndOrNotAndParenthesesCases => QueryStores.OnBothBackends(
        ("metrics.auc > 0.7 AND params.trainer = 'LightGbm'", "1"),
        ("metrics.auc > 0.8 OR params.trainer = 'Sdca'", "4,1"),
        ("metrics.auc > 0.7 AND (params.trainer = 'LightGbm' OR tags.note LIKE 'sm%')", "2,1"),
        ("params.trainer = 'Sdca' OR metrics.auc > 0.7 AND params.seed = 7", "4,2"),
        ("(params.trainer = 'Sdca' OR metrics.auc > 0.7) AND params.seed = 7", "2"),
        ("NOT metrics.auc > 0.7", "4,3"),
        ("NOT (model = 'A' OR status = 'running')", "3"),
        ("params.trainer NOT IN ('LightGbm')", "4,2"),
        ("params.trainer NOT LIKE 'Light%'", "4,2"),
        ("not not model = 'A' and status = 'failed'", "2"));

    public static TheoryData<string, string, string> AnOrderByIsGivenCases => QueryStores.OnBothBackends(
        ("metrics.auc desc", "1,2,3,4"),
        ("metrics.auc", "3,2,1,4"),
        ("params.seed asc", "2,1,3,4"),
        ("params.seed DESC", "3,1,2,4"),
        ("params.trainer, started_at", "2,1,3,4"),
        ("model desc, metrics.auc desc", "3,4,1,2"),
        ("metrics.validation.auc desc", "1,2,4,3"));

    [SkippableTheory]
    [MemberData(nameof(TheFilterComparesAMetricCases))]
    public void Should_select_the_runs_whose_metric_matches_When_the_filter_compares_a_metric(string backend, string filter, string expected)
    {
        // Given four runs, r4 without metrics and r3 without a validation metric
        // When the filter compares a metric (the test split unless it says validation)
        // Then exactly the runs whose value matches are selected, newest first
        Assert.Equal(expected, stores.Ids(backend, new RunSelection(Where: filter)));
    }

    [SkippableTheory]
    [MemberData(nameof(TheFilterComparesAParamOrTagCases))]
    public void Should_select_the_runs_whose_value_matches_When_the_filter_compares_a_param_or_tag(string backend, string filter, string expected)
    {
        // Given params stored as text ('42', '7', '100'; a learning rate 'auto' on r3) and tags
        // When the filter compares them (numbers with numbers numerically: '7' < 42 although '7' > '42' as text)
        // Then exactly the runs whose value matches are selected; LIKE is case-sensitive, ILIKE is not
        Assert.Equal(expected, stores.Ids(backend, new RunSelection(Where: filter)));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackend.All), MemberType = typeof(StoreBackend))]
    public void Should_compare_as_text_When_a_param_is_not_a_number(string backend)
    {
        // Given r3's learning rate 'auto' (text) and r1's 0.1
        // When the filter compares the learning rate with a number
        string ids = stores.Ids(backend, new RunSelection(Where: "params.lr > 0.07"));

        // Then r1 matches numerically and r3 as text ('auto' sorts after '0.07'), as the documented rule says
        Assert.Equal("3,1", ids);
    }

    [SkippableTheory]
    [MemberData(nameof(TheFilterComparesAnAttributeCases))]
    public void Should_select_the_runs_whose_attribute_matches_When_the_filter_compares_an_attribute(string backend, string filter, string expected)
    {
        // Given runs of two models, four statuses and days, one with a parent
        // When the filter compares an attribute (or asks whether a value is there)
        // Then exactly those runs are selected; an absent value matches no comparison
        Assert.Equal(expected, stores.Ids(backend, new RunSelection(Where: filter)));
    }

    [SkippableTheory]
    [MemberData(nameof(TheFilterUsesAndOrNotAndParenthesesCases))]
    public void Should_combine_conditions_with_precedence_When_the_filter_uses_AND_OR_NOT_and_parentheses(string backend, string filter, string expected)
    {
        // Given the four runs
        // When conditions are combined (NOT binds tighter than AND, AND tighter than OR)
        // Then the selection follows that precedence; NOT of a missing value is true
        Assert.Equal(expected, stores.Ids(backend, new RunSelection(Where: filter)));
    }

    [SkippableTheory]
    [MemberData(nameof(AnOrderByIsGivenCases))]
    public void Should_order_the_runs_When_an_order_by_is_given(string backend, string orderBy, string expected)
    {
        // Given the four runs
        // When they are ordered (params numerically: 7, 42, 100, not as text 100, 42, 7)
        // Then runs without the value come last, ties go to the newest
        Assert.Equal(expected, stores.Ids(backend, new RunSelection(OrderBy: orderBy)));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackend.All), MemberType = typeof(StoreBackend))]
    public void Should_select_the_newest_runs_of_a_model_and_parent_When_the_selection_names_them_with_a_limit(string backend)
    {
        // Given the four runs
        // When the selection names a model, a parent and limits
        // Then the newest come first and the limit holds
        Assert.Equal("4,3,2,1", stores.Ids(backend, RunSelection.All));
        Assert.Equal("2", stores.Ids(backend, new RunSelection(Model: "A", Limit: 1)));
        Assert.Equal("3", stores.Ids(backend, new RunSelection(ParentId: "aaaa000000000001")));
        Assert.Equal("1", stores.Ids(backend, new RunSelection(Model: "A", Where: "params.trainer = 'LightGbm'")));
        Assert.Equal("1,2", stores.Ids(backend, new RunSelection(Model: "A", Where: "metrics.auc > 0.5", OrderBy: "metrics.auc desc", Limit: 5)));
    }
}
