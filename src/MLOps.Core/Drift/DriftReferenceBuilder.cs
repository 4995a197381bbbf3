using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift;

/// <summary>
/// Builds a <see cref="DriftReference"/> (for the reference rows or the current ones) column by column:
/// numbers (NaN is missing), categories (null or empty is missing), booleans (as the categories "false"/"true")
/// and datetimes, which are expanded to three numeric columns <c>&lt;col&gt;.hour</c> (0-23),
/// <c>&lt;col&gt;.day_of_week</c> (0 = Monday .. 6 = Sunday, as pandas) and <c>&lt;col&gt;.month</c> (1-12);
/// <c>default(DateTime)</c> is missing, as the table loader reads it. Every column must have the same row count.
/// Columns keep the order they were added in.
/// </summary>
public sealed class DriftReferenceBuilder
{
    /// <summary>Distinct numeric values kept exactly; a column with more is held as a grid (<see cref="DriftGrid"/>).</summary>
    public const int MaxExactValues = 100_000;

    /// <summary>Categories kept by name; the rest of a column's values are pooled as <c>other</c>.</summary>
    public const int MaxCategories = 10_000;

    private readonly List<DriftColumn> _columns = [];
    private long? _rows;

    /// <summary>
    /// Distinct numeric values a column keeps exactly before it becomes a grid (default <see cref="MaxExactValues"/>).
    /// Raise it (int.MaxValue) to compare raw data exactly, at the cost of a summary as large as the data.
    /// </summary>
    public int ExactValuesLimit { get; init; } = MaxExactValues;

    /// <summary>Categories kept by name (default <see cref="MaxCategories"/>); the rest are pooled as other.</summary>
    public int CategoriesLimit { get; init; } = MaxCategories;

    public DriftReferenceBuilder AddNumeric(string name, ReadOnlySpan<double> values)
    {
        var present = new double[Present(values)];
        int k = 0;
        foreach (double value in values)
        {
            if (double.IsFinite(value))
            {
                present[k++] = value;
            }
        }
        return Add(NumericColumnBuilder.Build(name, present, values.Length - present.Length, ExactValuesLimit), values.Length);
    }

    /// <summary>Numbers as ML.NET loads them (single precision), widened exactly to double.</summary>
    public DriftReferenceBuilder AddNumeric(string name, ReadOnlySpan<float> values)
    {
        var present = new List<double>(values.Length);
        foreach (float value in values)
        {
            if (float.IsFinite(value))
            {
                present.Add(value);
            }
        }
        return Add(NumericColumnBuilder.Build(name, [.. present], values.Length - present.Count, ExactValuesLimit), values.Length);
    }

    public DriftReferenceBuilder AddCategorical(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long missing = 0;
        foreach (string? value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                missing++;
            }
            else
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }
        return Add(CategoricalColumnBuilder.Build(name, counts, missing, CategoriesLimit), values.Count);
    }

    /// <summary>A dictionary-encoded column (as the table loader keeps strings): row i holds <c>labels[codes[i]]</c>; counting codes first makes it one array pass.</summary>
    public DriftReferenceBuilder AddCategorical(string name, ReadOnlySpan<int> codes, IReadOnlyList<string?> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var perCode = new long[labels.Count];
        foreach (int code in codes)
        {
            perCode[code]++;
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long missing = 0;
        for (int code = 0; code < perCode.Length; code++)
        {
            string? label = labels[code];
            if (string.IsNullOrEmpty(label))
            {
                missing += perCode[code];
            }
            else if (perCode[code] > 0)
            {
                counts[label] = counts.GetValueOrDefault(label) + perCode[code];
            }
        }
        return Add(CategoricalColumnBuilder.Build(name, counts, missing, CategoriesLimit), codes.Length);
    }

    public DriftReferenceBuilder AddBoolean(string name, ReadOnlySpan<bool> values)
    {
        long trues = 0;
        foreach (bool value in values)
        {
            trues += value ? 1 : 0;
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (trues > 0)
        {
            counts["true"] = trues;
        }
        if (values.Length - trues > 0)
        {
            counts["false"] = values.Length - trues;
        }
        return Add(CategoricalColumnBuilder.Build(name, counts, 0, CategoriesLimit), values.Length);
    }

    /// <summary>Adds <c>&lt;name&gt;.hour</c>, <c>&lt;name&gt;.day_of_week</c> and <c>&lt;name&gt;.month</c>; <c>default(DateTime)</c> is missing.</summary>
    public DriftReferenceBuilder AddDateTime(string name, ReadOnlySpan<DateTime> values)
    {
        var hour = new double[values.Length];
        var day = new double[values.Length];
        var month = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            DateTime value = values[i];
            bool missing = value == default;
            hour[i] = missing ? double.NaN : value.Hour;
            day[i] = missing ? double.NaN : ((int)value.DayOfWeek + 6) % 7;
            month[i] = missing ? double.NaN : value.Month;
        }
        return AddNumeric(DateTimeParts.Hour(name), hour).AddNumeric(DateTimeParts.DayOfWeek(name), day).AddNumeric(DateTimeParts.Month(name), month);
    }

    public DriftReference Build() => new(DriftReference.FormatName, DriftReference.CurrentVersion, _rows ?? 0, [.. _columns]);

    private DriftReferenceBuilder Add(DriftColumn column, long rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(column.Name);
        if (_rows is long known && known != rows)
        {
            throw new ArgumentException($"Column {column.Name} has {rows} rows; the columns added before have {known}.", nameof(rows));
        }
        if (_columns.Exists(c => c.Name == column.Name))
        {
            throw new ArgumentException($"Column {column.Name} was added twice.", nameof(column));
        }
        _rows = rows;
        _columns.Add(column);
        return this;
    }

    private static int Present(ReadOnlySpan<double> values)
    {
        int present = 0;
        foreach (double value in values)
        {
            present += double.IsFinite(value) ? 1 : 0;
        }
        return present;
    }
}
