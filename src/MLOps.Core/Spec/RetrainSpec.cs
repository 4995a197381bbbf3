namespace MLOps.Core.Spec;

/// <summary>
/// The spec's <c>retrain:</c> section (docs/model-spec.md#retrain): what <c>./build.sh --target=Retrain</c> trains on.
/// <see cref="Data"/> (absolute; the spec's data.path when unset) is cut to the newest <see cref="Window"/> by its
/// datetime column, counted back from the column's newest value.
/// </summary>
public sealed record RetrainSpec(string Data, RetrainWindow Window, int Line);

/// <summary>The newest <see cref="Count"/> <see cref="Unit"/>s of the data by column <see cref="By"/>.</summary>
public sealed record RetrainWindow(string By, int Count, WindowUnit Unit)
{
    /// <summary>The first instant of the window ending at <paramref name="newest"/>: rows after it (and up to newest) are in.</summary>
    public DateTime StartAfter(DateTime newest) => Unit switch
    {
        WindowUnit.Days => newest.AddDays(-Count),
        WindowUnit.Weeks => newest.AddDays(-7 * Count),
        _ => newest.AddMonths(-Count),
    };

    /// <summary>As the spec spells it: <c>2 months</c>, <c>1 month</c>.</summary>
    public string Last => $"{Count} {Unit.ToString().ToLowerInvariant().TrimEnd(Count == 1 ? 's' : '\0')}";
}

public enum WindowUnit { Days, Weeks, Months }
