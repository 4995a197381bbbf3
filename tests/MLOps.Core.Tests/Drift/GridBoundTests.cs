using MLOps.Core.Drift;
using MLOps.Core.Drift.Columns;
using MLOps.Core.Drift.Methods;
using Xunit;

namespace MLOps.Core.Tests.Drift;

/// <summary>
/// A column with more than 100,000 distinct values is held as a 16,384-cell grid. Each statistic computed
/// from the grid must lie within its stated bound of the exact statistic on the raw values
/// (docs/monitoring.md, "Exact or from the profile"). Data: seeded random doubles, all distinct.
/// </summary>
public sealed class GridBoundTests
{
    public static TheoryData<string, int, int, double, double> Cases => new()
    {
        // name, reference rows, current rows, current shift, current scale
        { "both grids, no drift", 150_000, 200_000, 0.0, 1.0 },
        { "both grids, shifted", 150_000, 200_000, 0.05, 1.0 },
        { "both grids, wider", 120_000, 130_000, 0.0, 1.3 },
        { "exact reference, grid current", 5_000, 200_000, 0.02, 1.0 },
        { "grid reference, exact current", 200_000, 3_000, 0.3, 0.8 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_stay_within_the_stated_bound_of_the_exact_statistic_When_a_side_is_a_grid(string name, int referenceRows, int currentRows, double shift, double scale)
    {
        // Given seeded random doubles, summarised exactly and as the default reference does (grid beyond 100,000 distinct)
        double[] reference = Normal(referenceRows, seed: 1, 0, 1);
        double[] current = Normal(currentRows, seed: 2, shift, scale);
        ComparedColumn exact = ScipyAgreementTests.Numeric(reference, current);
        ComparedColumn grid = Default(reference, current);
        Assert.True(exact.Exact);
        Assert.False(grid.Exact, name);

        // When every statistic is computed both ways
        // Then each grid value is within its bound of the exact one, and the bound is small
        foreach (IDriftMethod method in new IDriftMethod[] { new KolmogorovSmirnov(), new Wasserstein(), new JensenShannon(), new PopulationStability() })
        {
            MethodResult truth = method.Compute(exact)!.Value;
            MethodResult approximation = method.Compute(grid)!.Value;
            double bound = approximation.Bound!.Value;
            Assert.True(Math.Abs(approximation.Value - truth.Value) <= bound,
                $"{name} {method.Name}: exact {truth.Value:R}, from the grid {approximation.Value:R}, bound {bound:R}");
            // KS's value is a p-value, steep in D on large samples: its statistic's bracket is held tight below.
            Assert.True(method.IsPValue || bound < 0.02, $"{name} {method.Name}: bound {bound:R} is too loose to be useful");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_bracket_the_exact_KS_statistic_When_a_side_is_a_grid(string name, int referenceRows, int currentRows, double shift, double scale)
    {
        double[] reference = Normal(referenceRows, seed: 3, 0, 1);
        double[] current = Normal(currentRows, seed: 4, shift, scale);
        ComparedColumn exact = ScipyAgreementTests.Numeric(reference, current);
        ComparedColumn grid = Default(reference, current);

        (double d, _) = KolmogorovSmirnov.Bracket(exact.ReferenceSide!, exact.CurrentSide!);
        (double low, double high) = KolmogorovSmirnov.Bracket(grid.ReferenceSide!, grid.CurrentSide!);

        Assert.InRange(d, low, high);
        Assert.True(high - low < 2.0 / DriftGrid.Cells * 100, $"{name}: bracket [{low}, {high}] is wide");
    }

    [Fact]
    public void Should_bound_normed_Wasserstein_by_the_half_cell_widths_over_the_std_When_both_sides_are_grids()
    {
        double[] reference = Normal(150_000, seed: 5, 0, 1);
        double[] current = Normal(150_000, seed: 6, 0.1, 1);
        ComparedColumn grid = Default(reference, current);

        double width = grid.Reference.Grid!.Width + grid.Current.Grid!.Width;
        Assert.Equal(width / 2 / grid.Norm, new Wasserstein().Compute(grid)!.Value.Bound!.Value, 15);
    }

    [Fact]
    public void Should_give_the_same_statistics_When_the_grid_reference_is_saved_and_loaded()
    {
        // Given a reference held as a grid, written to JSON and read back
        DriftReference reference = new DriftReferenceBuilder().AddNumeric("x", Normal(120_000, seed: 7, 0, 1)).Build();
        DriftReference current = new DriftReferenceBuilder().AddNumeric("x", Normal(50_000, seed: 8, 0.1, 1)).Build();
        var bag = new MLOps.Core.Diagnostics.DiagnosticBag();
        DriftReference loaded = DriftReference.Parse(reference.ToJson(), "reference.json", bag)!;

        // Then the report from the profile alone is identical, and says it is not exact
        DriftReport direct = DriftDetector.Compare(reference, current, new DriftOptions(), bag);
        DriftReport fromJson = DriftDetector.Compare(loaded, current, new DriftOptions(), bag);
        Assert.Empty(bag);
        Assert.Equal(direct.ToJson(), fromJson.ToJson());
        ColumnDrift x = Assert.Single(fromJson.Columns);
        Assert.False(x.Exact);
        Assert.NotNull(x.Bound);
        Assert.NotNull(x.Statistics.Bounds);
        Assert.NotNull(x.Statistics.Ks!.StatisticBound); // the KS bracket's half width
    }

    private static ComparedColumn Default(double[] reference, double[] current) => ComparedColumn.Create(
        new DriftReferenceBuilder().AddNumeric("x", reference).Build().Columns[0],
        new DriftReferenceBuilder().AddNumeric("x", current).Build().Columns[0]);

    internal static double[] Normal(int n, int seed, double mean, double std)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Box-Muller: random doubles, distinct with overwhelming probability.
            double u = 1 - random.NextDouble(), v = random.NextDouble();
            values[i] = mean + (std * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }
        return values;
    }
}
