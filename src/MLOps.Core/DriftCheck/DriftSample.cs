using MLOps.Core.Drift;

namespace MLOps.Core.DriftCheck;

/// <summary>
/// The rows a drift check summarises, column by column, before they become a <see cref="DriftReference"/>: each model
/// input by its schema name (a datetime is expanded by the drift engine to <c>&lt;col&gt;.hour</c>,
/// <c>.day_of_week</c> and <c>.month</c>) and the prediction as <c>prediction.&lt;Output&gt;</c>. A missing value is
/// NaN (numbers), null (categories) or <c>default(DateTime)</c>. Columns keep the order they were added in.
/// </summary>
public sealed class DriftSample
{
    public const string PredictionPrefix = DriftOptions.PredictionPrefix;

    private readonly List<(string Name, object Values)> _columns = [];

    public long Rows { get; set; }

    public List<double> NumberColumn(string name) => Column<List<double>>(name);

    public List<string?> CategoryColumn(string name) => Column<List<string?>>(name);

    public List<DateTime> DateColumn(string name) => Column<List<DateTime>>(name);

    /// <summary>The summary the drift engine compares (exact values and counts, see <see cref="DriftReferenceBuilder"/>).</summary>
    public DriftReference ToReference()
    {
        var builder = new DriftReferenceBuilder();
        foreach ((string name, object values) in _columns)
        {
            _ = values switch
            {
                List<double> numbers => builder.AddNumeric(name, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(numbers)),
                List<DateTime> dates => builder.AddDateTime(name, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(dates)),
                _ => builder.AddCategorical(name, (List<string?>)values),
            };
        }

        return builder.Build() with { Rows = Rows };
    }

    private T Column<T>(string name) where T : new()
    {
        foreach ((string n, object values) in _columns)
        {
            if (n == name)
            {
                return (T)values;
            }
        }

        var created = new T();
        _columns.Add((name, created));
        return created;
    }
}
