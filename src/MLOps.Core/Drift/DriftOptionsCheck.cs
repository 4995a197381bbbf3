using MLOps.Core.Diagnostics;

namespace MLOps.Core.Drift;

/// <summary>Checks the options before any column is compared: the share, and each column option's method, threshold and column.</summary>
internal static class DriftOptionsCheck
{
    public static bool Valid(DriftOptions options, DriftReference reference, DiagnosticBag diagnostics)
    {
        bool valid = true;
        if (!(options.DatasetShare > 0 && options.DatasetShare <= 1))
        {
            diagnostics.Error(Codes.DriftShareOutOfRange, $"The dataset drift share is {Number(options.DatasetShare)}; it must lie in (0, 1] (0.5: half the columns drift). Set drift.share to a value in that range.");
            valid = false;
        }
        foreach ((string column, ColumnDriftOption option) in options.Columns)
        {
            if (reference.Find(column) is null)
            {
                diagnostics.Warning(Codes.DriftOptionUnknownColumn, $"The drift option for column {Visible.Quote(column)} matches no column of the reference; compared columns are: {string.Join(", ", reference.Columns.Select(c => c.Name))}.");
            }
            if (option.Method is string method && !DriftMethods.IsKnown(method))
            {
                diagnostics.Error(Codes.DriftUnknownMethod, $"Column {Visible.Quote(column)} asks for drift method {Visible.Quote(method)}, which is not one of: {string.Join(", ", DriftMethods.Names)}.");
                valid = false;
                continue;
            }
            if (option.Threshold is double threshold)
            {
                bool pValue = option.Method is string m ? DriftMethods.IsPValue(m) : ThresholdIsPValueForEveryDefault(reference);
                valid &= ThresholdValid(column, option.Method, threshold, pValue, diagnostics);
            }
        }
        return valid;
    }

    /// <summary>A p-value threshold lies in (0, 1); a distance threshold is above 0 and finite.</summary>
    public static bool ThresholdValid(string column, string? method, double threshold, bool pValue, DiagnosticBag diagnostics)
    {
        bool ok = pValue ? threshold > 0 && threshold < 1 : threshold > 0 && double.IsFinite(threshold);
        if (!ok)
        {
            string kind = pValue ? "a p-value threshold must lie in (0, 1)" : "a distance threshold must be above 0";
            diagnostics.Error(Codes.DriftThresholdOutOfRange, $"Column {Visible.Quote(column)}: threshold {Number(threshold)} for {(method is null ? "the default method" : $"method {method}")} is out of range: {kind}.");
        }
        return ok;
    }

    // Without a method the default decides, and for a small reference every default is a test.
    private static bool ThresholdIsPValueForEveryDefault(DriftReference reference) => reference.Rows <= DriftMethods.SmallReferenceRows;

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
