using MLOps.Core.Diagnostics;
using MLOps.Core.Drift.Columns;
using MLOps.Core.Drift.Methods;

namespace MLOps.Core.Drift;

/// <summary>
/// Compares current data with a reference, column by column (the reference's columns, in its order): every
/// statistic of the methods table, the chosen method's verdict, and the dataset verdict (at least
/// <see cref="DriftOptions.DatasetShare"/> of the compared columns drift). Problems are reported in the bag; a
/// column that cannot be compared is left out, and the report holds the rest.
/// </summary>
public static class DriftDetector
{
    public static DriftReport Compare(DriftReference reference, DriftReference current, DriftOptions options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var columns = new List<ColumnDrift>();
        if (!DriftOptionsCheck.Valid(options, reference, diagnostics))
        {
            return Summarise(columns, options, reference, current);
        }
        if (reference.Rows == 0)
        {
            diagnostics.Error(Codes.DriftReferenceEmpty, "The drift reference has no rows: there is nothing to compare against. Build the reference from the model's test split.");
            return Summarise(columns, options, reference, current);
        }
        if (current.Rows == 0)
        {
            diagnostics.Error(Codes.DriftCurrentEmpty, "The current data has no rows: there is nothing to compare. Give data (or prediction logs) with at least one row.");
            return Summarise(columns, options, reference, current);
        }
        foreach (DriftColumn column in reference.Columns)
        {
            if (!options.Prediction && column.Name.StartsWith(DriftOptions.PredictionPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            if (ColumnComparer.Compare(column, current, reference.Rows, options, diagnostics) is ColumnDrift drift)
            {
                columns.Add(drift);
            }
        }
        if (columns.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(Codes.DriftNothingCompared, "No column could be compared (see the warnings above): the report has no dataset verdict.");
        }
        return Summarise(columns, options, reference, current);
    }

    private static DriftReport Summarise(List<ColumnDrift> columns, DriftOptions options, DriftReference reference, DriftReference current)
    {
        int drifted = columns.Count(c => c.Drifted);
        double share = columns.Count == 0 ? 0 : (double)drifted / columns.Count;
        return new DriftReport(columns.Count > 0 && share >= options.DatasetShare, share, drifted, options.DatasetShare, reference.Rows, current.Rows, columns);
    }
}
