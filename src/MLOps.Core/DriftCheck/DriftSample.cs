namespace MLOps.Core.DriftCheck;

/// <summary>
/// The values a drift check compares, by the drift check's column names (docs/monitoring.md#drift-checks): each model
/// input by its schema name, a datetime input as <c>&lt;col&gt;.hour</c>, <c>&lt;col&gt;.day_of_week</c> and
/// <c>&lt;col&gt;.month</c>, and the prediction as <c>prediction.&lt;Output&gt;</c>. A missing value is NaN (numbers) or
/// null (categories). Columns keep the order they were added in.
/// </summary>
public sealed class DriftSample
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, List<double>> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string?>> _categories = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Columns => _order;

    public long Rows { get; set; }

    public bool IsNumeric(string column) => _numbers.ContainsKey(column);

    public IReadOnlyList<double> Numbers(string column) => _numbers[column];

    public IReadOnlyList<string?> Categories(string column) => _categories[column];

    public List<double> NumberColumn(string column)
    {
        if (!_numbers.TryGetValue(column, out List<double>? values))
        {
            _numbers[column] = values = [];
            _order.Add(column);
        }

        return values;
    }

    public List<string?> CategoryColumn(string column)
    {
        if (!_categories.TryGetValue(column, out List<string?>? values))
        {
            _categories[column] = values = [];
            _order.Add(column);
        }

        return values;
    }

    /// <summary>The columns a datetime input is compared as: the parts a model derives from it most often.</summary>
    public static IReadOnlyList<(string Suffix, Func<DateTime, double> Part)> DateParts { get; } =
    [
        ("hour", d => d.Hour),
        ("day_of_week", d => (double)d.DayOfWeek),
        ("month", d => d.Month),
    ];

    public const string PredictionPrefix = "prediction.";
}
