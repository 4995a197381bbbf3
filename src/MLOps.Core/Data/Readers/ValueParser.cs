using System.Globalization;
using System.Numerics;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// How a CSV field's text becomes a typed value. The validator and the loader share it so that what
/// validation accepts is exactly what training reads. Everything is invariant culture.
/// </summary>
internal static class ValueParser
{
    public static bool TryInteger(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    // NaN and infinities parse in .NET but are never meaningful data: reject them.
    public static bool TryFloat(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// True for the text of a number that <paramref name="type"/> cannot hold: NaN, Infinity, a float beyond
    /// ±1.8e308, or an integer beyond ±9.2e18. Only asked about values that failed to parse, so its cost is paid
    /// on bad data alone.
    /// </summary>
    public static bool IsOutOfTypeRange(ColumnType type, ReadOnlySpan<char> text) => type switch
    {
        ColumnType.Integer => BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) || IsNonFinite(text),
        ColumnType.Float => IsNonFinite(text),
        _ => false,
    };

    private static bool IsNonFinite(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsFinite(value);

    public static bool TryBoolean(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        value = text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    private const string MinuteFormat = "yyyy-MM-dd HH:mm";

    // Without a format, ISO 8601 (the round-trip form) is what the schema promises.
    public static bool TryDateTime(ReadOnlySpan<char> text, string? format, out DateTime value) =>
        format is null
            ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)
            : (format == MinuteFormat && TryMinute(text, out value))
              || DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    // A fast path for the most common timestamp format (about 10x TryParseExact, which dominates validating and
    // profiling a timestamp column); anything it does not accept falls through to TryParseExact.
    private static bool TryMinute(ReadOnlySpan<char> t, out DateTime value)
    {
        value = default;
        if (t.Length != 16 || t[4] != '-' || t[7] != '-' || t[10] != ' ' || t[13] != ':')
        {
            return false;
        }

        int year = Digits(t, 0, 4), month = Digits(t, 5, 2), day = Digits(t, 8, 2), hour = Digits(t, 11, 2), minute = Digits(t, 14, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, 0);
        return true;
    }

    // The number written by count ASCII digits at start, or -1 when one of them is not a digit.
    private static int Digits(ReadOnlySpan<char> t, int start, int count)
    {
        int n = 0;
        for (int i = start; i < start + count; i++)
        {
            int d = t[i] - '0';
            if ((uint)d > 9)
            {
                return -1;
            }

            n = (n * 10) + d;
        }

        return n;
    }

    /// <summary>The value as a number for min/max checks; false when the type has no number or it does not parse.</summary>
    public static bool TryNumber(ColumnType type, ReadOnlySpan<char> text, out double value)
    {
        switch (type)
        {
            case ColumnType.Integer when TryInteger(text, out long whole):
                value = whole;
                return true;
            case ColumnType.Float:
                return TryFloat(text, out value);
            default:
                value = 0;
                return false;
        }
    }
}
