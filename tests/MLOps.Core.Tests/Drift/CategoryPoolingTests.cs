using MLOps.Core.Drift;
using MLOps.Core.Drift.Columns;
using Xunit;

namespace MLOps.Core.Tests.Drift;

/// <summary>More categories than a summary keeps (10,000 by default; 2 here): the rest are pooled, and the comparison says it is not exact.</summary>
public sealed class CategoryPoolingTests
{
    [Fact]
    public void Should_pool_the_categories_beyond_the_top_list_into_other_When_a_column_has_too_many()
    {
        DriftReference reference = new DriftReferenceBuilder { CategoriesLimit = 2 }.AddCategorical("c", ["a", "a", "a", "b", "b", "c", "d"]).Build();

        DriftColumn c = reference.Columns[0];
        Assert.Equal(["a", "b"], c.Categories!);
        Assert.Equal((7, 2L), (c.Count, c.Other));
        Assert.False(c.IsExact);
    }

    [Fact]
    public void Should_compare_the_shared_categories_and_one_pooled_bin_without_a_bound_When_a_side_pooled()
    {
        // Given a reference that pooled "c" and "d", and a current side that lists "a" and "c"
        DriftReference reference = new DriftReferenceBuilder { CategoriesLimit = 2 }.AddCategorical("c", ["a", "a", "a", "b", "b", "c", "d"]).Build();
        DriftReference current = new DriftReferenceBuilder().AddCategorical("c", ["a", "c", "c", "c"]).Build();

        ColumnDrift column = Assert.Single(DriftDetectorTests.Compare(reference, current, new DriftOptions()).Columns);

        // Then "a" is compared by name; "b" (listed by the reference only) and everything else share the pooled bin
        Assert.Equal(["a", "(other)"], column.ReferenceHistogram.Categories!);
        Assert.Equal([3L, 4L], column.ReferenceHistogram.Counts);
        Assert.Equal([1L, 3L], column.CurrentHistogram.Counts);
        Assert.False(column.Exact);
        Assert.Null(column.Bound);
    }

    [Fact]
    public void Should_keep_every_category_of_both_sides_When_neither_pooled()
    {
        DriftReference reference = new DriftReferenceBuilder().AddCategorical("c", ["a", "b", "b"]).Build();
        DriftReference current = new DriftReferenceBuilder().AddCategorical("c", ["c", "b"]).Build();

        ColumnDrift column = Assert.Single(DriftDetectorTests.Compare(reference, current, new DriftOptions()).Columns);

        Assert.Equal(["b", "a", "c"], column.ReferenceHistogram.Categories!);
        Assert.Equal([2L, 1L, 0L], column.ReferenceHistogram.Counts);
        Assert.Equal([1L, 0L, 1L], column.CurrentHistogram.Counts);
        Assert.True(column.Exact);
    }
}
