using System.Globalization;
using System.Numerics;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Inference;

/// <summary>
/// What one column's values allow, narrowed value by value: which types every non-empty value parses as
/// (with <see cref="ValueParser"/>, so validation later accepts exactly what was inferred), whether any value
/// was empty, the numeric range, and the distinct values while there are few enough to be categories (beyond
/// that, a string column is free text).
/// </summary>
internal sealed class ColumnInference
{
    // Date/time formats tried, narrowest first; the first that parses every value wins. A null format is
    // ISO 8601, the schema's default, detected strictly (a 'T' between date and time) and written without "format".
    private static readonly (string? Format, string[] Patterns)[] DateFormats =
    [
        ("yyyy-MM-dd HH:mm", ["yyyy-MM-dd HH:mm"]),
        ("yyyy-MM-dd HH:mm:ss", ["yyyy-MM-dd HH:mm:ss"]),
        ("yyyy-MM-dd HH:mm:ss.FFFFFFF", ["yyyy-MM-dd HH:mm:ss.FFFFFFF"]),
        ("yyyy-MM-dd", ["yyyy-MM-dd"]),
        (null, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"]),
    ];

    private readonly int _maxCategories;
    private HashSet<string>? _categories;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private bool _any, _nullable, _boolean = true, _integer = true, _float = true;
    private uint _dates = (1u << DateFormats.Length) - 1; // formats every value so far parses with
    private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;
    private char[] _last = new char[32];
    private int _lastLength = -1;

    public ColumnInference(string name, int maxCategories)
    {
        Name = name;
        _maxCategories = maxCategories;
        if (maxCategories > 0)
        {
            _categories = new HashSet<string>(StringComparer.Ordinal);
            _lookup = _categories.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    public string Name { get; }

    /// <summary>Adds a value; <paramref name="typed"/>: the reader rendered a typed value (a Parquet or JSON number,
    /// boolean or timestamp), so a number is never a boolean however it reads.</summary>
    public void Add(ReadOnlySpan<char> text, bool typed = false)
    {
        if (text.IsEmpty)
        {
            _nullable = true;
            return;
        }
        // Sorted timestamps and categories repeat from row to row; a repeated value teaches nothing new.
        if (_lastLength >= 0 && text.SequenceEqual(_last.AsSpan(0, _lastLength)))
        {
            return;
        }
        Remember(text);
        _any = true;
        _boolean = _boolean && (typed ? text is "true" or "false" : ValueParser.TryBoolean(text, out _));
        if (_float && ValueParser.TryFloat(text, out double number))
        {
            _integer = _integer && ValueParser.TryInteger(text, out _);
            _min = Math.Min(_min, number);
            _max = Math.Max(_max, number);
        }
        else
        {
            _integer = _float = false;
        }
        for (uint pending = _dates; pending != 0; pending &= pending - 1)
        {
            int i = BitOperations.TrailingZeroCount(pending);
            if (!ParsesAsDate(text, DateFormats[i]))
            {
                _dates &= ~(1u << i);
            }
        }
        if (_categories is not null && !_lookup.Contains(text))
        {
            if (_categories.Count == _maxCategories)
            {
                _categories = null; // Too many distinct values: free text.
            }
            else
            {
                _lookup.Add(text);
            }
        }
    }

    public ColumnSchema ToSchema()
    {
        ColumnType type = !_any ? ColumnType.Categorical
            : _boolean ? ColumnType.Boolean
            : _integer ? ColumnType.Integer
            : _float ? ColumnType.Float
            : _dates != 0 ? ColumnType.DateTime
            : _categories is null ? ColumnType.Text // More distinct values than categories: free text.
            : ColumnType.Categorical;
        bool numeric = type is ColumnType.Integer or ColumnType.Float;
        return new ColumnSchema(
            Name,
            type,
            _nullable,
            numeric ? _min : null,
            numeric ? _max : null,
            type == ColumnType.Categorical && _categories is { Count: > 0 } ? _categories.Order(StringComparer.Ordinal).ToArray() : null,
            type == ColumnType.DateTime ? DateFormats[BitOperations.TrailingZeroCount(_dates)].Format : null);
    }

    private static bool ParsesAsDate(ReadOnlySpan<char> text, (string? Format, string[] Patterns) candidate) =>
        candidate.Format is { } format
            ? ValueParser.TryDateTime(text, format, out _)
            : DateTime.TryParseExact(text, candidate.Patterns, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private void Remember(ReadOnlySpan<char> text)
    {
        if (text.Length > _last.Length)
        {
            _last = new char[text.Length * 2];
        }
        text.CopyTo(_last);
        _lastLength = text.Length;
    }
}
