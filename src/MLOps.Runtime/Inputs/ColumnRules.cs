using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MLOps.Runtime.Inputs;

/// <summary>
/// Checks one field of a JSON row against its column, in the data validator's order: type (and a number beyond the
/// type's range), null, min/max, the allowed set, max_length, the pattern (compiled once, matched in full). Returns the
/// value as the model's input type reads it (long or double, bool, DateTime, string) when every rule holds.
/// </summary>
internal sealed class ColumnRules
{
    private const int MaxShownValueLength = 80;
    private const string Iso = "ISO 8601 (2001-01-31T06:00:00)";

    private readonly HashSet<string>? _allowed;
    private readonly Regex? _pattern;

    public ColumnRules(InputColumn column)
    {
        Column = column;
        _allowed = column.Allowed is { } allowed ? new HashSet<string>(allowed, StringComparer.Ordinal) : null;
        _pattern = column.Pattern is { } pattern ? new Regex($@"\A(?:{pattern})\z", RegexOptions.Compiled | RegexOptions.CultureInvariant) : null;
    }

    public InputColumn Column { get; }

    /// <summary>Checks <paramref name="field"/>; adds what it breaks to <paramref name="violations"/>; true when it broke nothing.</summary>
    public bool Check(JsonElement field, int? row, List<InputViolation> violations, out object? value)
    {
        value = null;
        if (field.ValueKind == JsonValueKind.Null)
        {
            return Column.Nullable || Add(violations, row, "not_null", InputCodes.Null, field, "a value: the schema does not declare the column nullable");
        }

        if (!TryRead(field, out value, out bool outOfRange))
        {
            return outOfRange
                ? Add(violations, row, "type_range", InputCodes.OutOfTypeRange, field, Column.Type == InputType.Integer
                    ? "a whole number from -9223372036854775808 to 9223372036854775807"
                    : "a finite number up to ±1.7976931348623157E+308")
                : Add(violations, row, "type", InputCodes.WrongType, field, Describe());
        }

        int before = violations.Count;
        if (value is double or long)
        {
            double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (number < Column.Min)
            {
                Add(violations, row, "min", InputCodes.BelowMinimum, field, $"at least {Number(Column.Min.Value)}");
            }
            else if (number > Column.Max)
            {
                Add(violations, row, "max", InputCodes.AboveMaximum, field, $"at most {Number(Column.Max.Value)}");
            }
        }

        if (value is string text && Column.Type is InputType.Categorical or InputType.Text)
        {
            if (_allowed is not null && !_allowed.Contains(text))
            {
                Add(violations, row, "allowed", InputCodes.NotAllowed, field, $"one of the {_allowed.Count} values the schema allows ({Sample(Column.Allowed!)})");
            }
            if (Column.MaxLength is int maxLength && text.Length > maxLength)
            {
                Add(violations, row, "max_length", InputCodes.TooLong, field, $"at most {maxLength} characters, not {text.Length}");
            }
            if (_pattern is not null && !_pattern.IsMatch(text))
            {
                Add(violations, row, "pattern", InputCodes.PatternMismatch, field, $"a match (in full) of the pattern '{Column.Pattern}'");
            }
        }
        return violations.Count == before;
    }

    private bool TryRead(JsonElement field, out object? value, out bool outOfRange)
    {
        value = null;
        outOfRange = false;
        switch (Column.Type)
        {
            case InputType.Integer when field.ValueKind == JsonValueKind.Number:
                if (field.TryGetInt64(out long whole))
                {
                    value = whole;
                    return true;
                }
                string raw = field.GetRawText();
                outOfRange = BigInteger.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) || !IsFinite(raw);
                return false;
            case InputType.Float when field.ValueKind == JsonValueKind.Number:
                double number = field.GetDouble();
                value = number;
                outOfRange = !double.IsFinite(number);
                return !outOfRange;
            case InputType.Boolean when field.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = field.GetBoolean();
                return true;
            case InputType.DateTime when field.ValueKind == JsonValueKind.String && TryDate(field.GetString()!, out DateTime date):
                value = date;
                return true;
            case InputType.Categorical or InputType.Text when field.ValueKind == JsonValueKind.String:
                value = field.GetString();
                return true;
            default:
                return false;
        }
    }

    // JSON numbers are finite, but 1e400 reads as infinity.
    private static bool IsFinite(string raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d);

    // The schema's exact format (what the data files hold), or the ISO form the prediction log writes.
    private bool TryDate(string text, out DateTime date) =>
        (Column.Format is { } format && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out date);

    private string Describe() => Column.Type switch
    {
        InputType.Integer => "a whole number (JSON number without fraction or exponent), as the column is integer",
        InputType.Float => "a JSON number, as the column is float",
        InputType.Boolean => "true or false, as the column is boolean",
        InputType.DateTime => Column.Format is { } format ? $"a string in the format '{format}' or {Iso}" : $"a string in {Iso}",
        _ => $"a JSON string, as the column is {Column.Type.ToString().ToLowerInvariant()}",
    };

    // Always false: a rule reports and fails in one statement.
    private bool Add(List<InputViolation> violations, int? row, string rule, string code, JsonElement field, string expected)
    {
        string shown = field.GetRawText();
        violations.Add(new InputViolation(row, Column.Name, rule, code, shown.Length > MaxShownValueLength ? $"{shown[..MaxShownValueLength]}..." : shown, expected));
        return false;
    }

    private static string Sample(IReadOnlyList<string> values) =>
        values.Count <= 5 ? string.Join(", ", values) : $"{string.Join(", ", values.Take(5))}, ...";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
