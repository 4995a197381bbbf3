using System.Globalization;

namespace MLOps.Core.Data;

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

    public static bool TryBoolean(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        value = text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    // Without a format, ISO 8601 (the round-trip form) is what the schema promises.
    public static bool TryDateTime(ReadOnlySpan<char> text, string? format, out DateTime value) =>
        format is null
            ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)
            : DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

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
