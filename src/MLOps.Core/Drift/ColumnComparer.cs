using MLOps.Core.Diagnostics;
using MLOps.Core.Drift.Columns;
using MLOps.Core.Drift.Methods;

namespace MLOps.Core.Drift;

/// <summary>One column: matched with the current data, every applicable statistic computed once, the chosen method's verdict.</summary>
internal static class ColumnComparer
{
    public static ColumnDrift? Compare(DriftColumn reference, DriftReference currentData, long referenceRows, DriftOptions options, DiagnosticBag diagnostics)
    {
        string name = reference.Name;
        if (currentData.Find(name) is not DriftColumn current)
        {
            diagnostics.Error(Codes.DriftColumnMissing, $"Column {Visible.Quote(name)} of the reference is missing from the current data (its columns: {string.Join(", ", currentData.Columns.Select(c => c.Name))}). Give current data with every model input column.");
            return null;
        }
        if (current.Kind != reference.Kind)
        {
            diagnostics.Error(Codes.DriftKindMismatch, $"Column {Visible.Quote(name)} is {Kind(reference.Kind)} in the reference but {Kind(current.Kind)} in the current data. Check that the current data follows the model's schema.");
            return null;
        }
        if (reference.Count == 0 || current.Count == 0)
        {
            diagnostics.Warning(Codes.DriftColumnNoValues, $"Column {Visible.Quote(name)} has no values in the {(reference.Count == 0 ? "reference" : "current data")} (every value missing): it is not compared.");
            return null;
        }

        var column = ComparedColumn.Create(reference, current);
        ColumnDriftOption? option = options.Columns.GetValueOrDefault(name);
        string method = option?.Method ?? DriftMethods.Default(referenceRows, reference.Kind, column.DistinctValues());
        if (!DriftMethods.AppliesTo(method, reference.Kind))
        {
            diagnostics.Error(Codes.DriftMethodNotApplicable, $"Column {Visible.Quote(name)} is {Kind(reference.Kind)}; drift method {method} applies to numeric columns only. Use chisquare, jensenshannon or psi.");
            return null;
        }
        double threshold = option?.Threshold ?? DriftMethods.DefaultThreshold(method);
        if (option?.Threshold is double given && !DriftOptionsCheck.ThresholdValid(name, method, given, DriftMethods.IsPValue(method), diagnostics))
        {
            return null;
        }

        var results = new Dictionary<string, MethodResult>(StringComparer.Ordinal);
        foreach (IDriftMethod statistic in DriftMethods.All)
        {
            if (statistic.AppliesTo(reference.Kind) && statistic.Compute(column) is MethodResult result)
            {
                results[statistic.Name] = result;
            }
        }
        if (!results.TryGetValue(method, out MethodResult chosen))
        {
            diagnostics.Error(Codes.DriftMethodNeedsExactValues, $"Column {Visible.Quote(name)} has over {DriftReferenceBuilder.MaxExactValues:N0} distinct values and is held as a grid; {method} needs exact values. Use ks, wasserstein, jensenshannon or psi.");
            return null;
        }
        bool drifted = DriftMethods.IsPValue(method) ? chosen.Value < threshold : chosen.Value >= threshold;
        bool exact = column.Exact;
        return new ColumnDrift(name, reference.Kind, method, threshold, chosen.Value, drifted, Statistics(results, exact), exact,
            exact ? null : chosen.Bound, column.Bins.ReferenceHistogram(), column.Bins.CurrentHistogram());
    }

    private static DriftStatistics Statistics(Dictionary<string, MethodResult> results, bool exact)
    {
        TestStatistic? Test(string name) => results.TryGetValue(name, out MethodResult r) ? new TestStatistic(r.Statistic, r.PValue!.Value, exact ? null : r.StatisticBound) : null;
        double? Distance(string name) => results.TryGetValue(name, out MethodResult r) ? r.Statistic : null;
        SortedDictionary<string, double>? bounds = null;
        if (!exact)
        {
            bounds = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach ((string name, MethodResult result) in results)
            {
                if (result.Bound is double bound)
                {
                    bounds[name] = bound;
                }
            }
        }
        return new DriftStatistics(Test(DriftMethods.Ks), Distance(DriftMethods.Wasserstein), Distance(DriftMethods.JensenShannon),
            Distance(DriftMethods.Psi), Test(DriftMethods.ChiSquare), bounds);
    }

    private static string Kind(DriftColumnKind kind) => kind == DriftColumnKind.Numeric ? "numeric" : "categorical";
}
