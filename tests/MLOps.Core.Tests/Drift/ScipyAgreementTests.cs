using System.Text.Json;
using MLOps.Core.Drift;
using MLOps.Core.Drift.Columns;
using MLOps.Core.Drift.Methods;
using Xunit;

namespace MLOps.Core.Tests.Drift;

/// <summary>
/// Each exact statistic equals scipy 1.10.1's on fixed data to 1e-9 (absolute up to 1, relative above: see
/// <see cref="ScipyExpected"/>). The expected values are in scipy/expected.json; regenerate them with
///     /usr/bin/python3 tests/MLOps.Core.Tests/Drift/scipy/regenerate.py
/// </summary>
public sealed class ScipyAgreementTests
{
    public static IEnumerable<object[]> KsCases => ScipyExpected.Names("ks");

    public static IEnumerable<object[]> WassersteinCases => ScipyExpected.Names("wasserstein");

    public static IEnumerable<object[]> JensenShannonCases => ScipyExpected.Names("jensenshannon");

    public static IEnumerable<object[]> BinnedCases => ScipyExpected.Names("binned");

    public static IEnumerable<object[]> ChiSquareCases => ScipyExpected.Names("chi2");

    [Theory]
    [MemberData(nameof(KsCases))]
    public void Should_equal_scipy_ks_2samp_When_two_samples_are_compared(string name)
    {
        // Given two samples and scipy's ks_2samp(a, b, method='auto')
        JsonElement c = ScipyExpected.Case("ks", name);
        ComparedColumn column = Numeric(ScipyExpected.Data(c.GetProperty("a")), ScipyExpected.Data(c.GetProperty("b")));

        // When our KS runs on the summarised columns
        MethodResult result = new KolmogorovSmirnov().Compute(column)!.Value;

        // Then statistic and p-value are scipy's, and exact data gives no bound
        ScipyExpected.Equal(c.GetProperty("statistic").GetDouble(), result.Statistic, $"{name} statistic");
        ScipyExpected.Equal(c.GetProperty("p_value").GetDouble(), result.PValue!.Value, $"{name} p-value");
        Assert.Equal(0, result.Bound);
    }

    [Theory]
    [MemberData(nameof(WassersteinCases))]
    public void Should_equal_scipy_wasserstein_distance_When_plain_or_weighted_values_are_compared(string name)
    {
        JsonElement c = ScipyExpected.Case("wasserstein", name);
        (double[] u, double[] uw) = Sorted(ScipyExpected.Data(c.GetProperty("u")), c.GetProperty("u_weights"));
        (double[] v, double[] vw) = Sorted(ScipyExpected.Data(c.GetProperty("v")), c.GetProperty("v_weights"));

        double distance = Wasserstein.Distance(u, uw, v, vw);

        ScipyExpected.Equal(c.GetProperty("distance").GetDouble(), distance, name);
    }

    [Fact]
    public void Should_equal_scipy_wasserstein_normed_by_the_reference_std_When_computed_through_the_detector()
    {
        // Given the large plain case, summarised as columns
        JsonElement c = ScipyExpected.Case("wasserstein", "large");
        double[] u = ScipyExpected.Data(c.GetProperty("u")), v = ScipyExpected.Data(c.GetProperty("v"));
        ComparedColumn column = Numeric(u, v);

        // Then the method's value is scipy's distance over numpy's (population) std of the reference
        double mean = u.Average();
        double std = Math.Sqrt(u.Sum(x => (x - mean) * (x - mean)) / u.Length);
        MethodResult result = new Wasserstein().Compute(column)!.Value;
        ScipyExpected.Equal(c.GetProperty("distance").GetDouble() / std, result.Statistic, "normed");
    }

    [Theory]
    [MemberData(nameof(JensenShannonCases))]
    public void Should_equal_scipy_jensenshannon_When_two_vectors_are_compared(string name)
    {
        JsonElement c = ScipyExpected.Case("jensenshannon", name);

        double distance = JensenShannon.Distance(ScipyExpected.Data(c.GetProperty("p")), ScipyExpected.Data(c.GetProperty("q")));

        ScipyExpected.Equal(c.GetProperty("distance").GetDouble(), distance, name);
    }

    [Theory]
    [MemberData(nameof(BinnedCases))]
    public void Should_equal_numpy_binning_with_scipy_jensenshannon_and_Evidently_psi_When_numbers_are_binned(string name)
    {
        // Given two samples binned as Evidently does (numpy's 30 equal-width bins over the pooled range)
        JsonElement c = ScipyExpected.Case("binned", name);
        ComparedColumn column = Numeric(ScipyExpected.Data(c.GetProperty("a")), ScipyExpected.Data(c.GetProperty("b")));

        // Then the edges are numpy's, Jensen-Shannon is scipy's on the shares and PSI is Evidently's formula
        double[] edges = ScipyExpected.Data(c.GetProperty("edges"));
        Assert.Equal(edges, column.Bins.Edges!);
        ScipyExpected.Equal(c.GetProperty("jensenshannon").GetDouble(), new JensenShannon().Compute(column)!.Value.Statistic, $"{name} jensenshannon");
        ScipyExpected.Equal(c.GetProperty("psi").GetDouble(), new PopulationStability().Compute(column)!.Value.Statistic, $"{name} psi");
    }

    [Theory]
    [MemberData(nameof(ChiSquareCases))]
    public void Should_equal_scipy_chi2_contingency_When_a_2_x_k_table_is_tested(string name)
    {
        JsonElement c = ScipyExpected.Case("chi2", name);
        long[] reference = [.. c.GetProperty("reference").EnumerateArray().Select(v => v.GetInt64())];
        long[] current = [.. c.GetProperty("current").EnumerateArray().Select(v => v.GetInt64())];

        (double statistic, double p) = ChiSquare.Test(reference, current);

        ScipyExpected.Equal(c.GetProperty("statistic").GetDouble(), statistic, $"{name} statistic");
        ScipyExpected.Equal(c.GetProperty("p_value").GetDouble(), p, $"{name} p-value");
    }

    // Raw data, every value kept exactly (the large cases have more than the default 100,000 distinct values).
    internal static ComparedColumn Numeric(double[] reference, double[] current) => ComparedColumn.Create(
        new DriftReferenceBuilder { ExactValuesLimit = int.MaxValue }.AddNumeric("x", reference).Build().Columns[0],
        new DriftReferenceBuilder { ExactValuesLimit = int.MaxValue }.AddNumeric("x", current).Build().Columns[0]);

    private static (double[] Values, double[] Weights) Sorted(double[] values, JsonElement weights)
    {
        double[] w = weights.ValueKind == JsonValueKind.Null ? [.. values.Select(_ => 1.0)] : ScipyExpected.Data(weights);
        int[] order = [.. Enumerable.Range(0, values.Length).OrderBy(i => values[i])];
        return ([.. order.Select(i => values[i])], [.. order.Select(i => w[i])]);
    }
}
