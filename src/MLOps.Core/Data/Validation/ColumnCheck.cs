using System.Globalization;
using System.Text.RegularExpressions;
using MLOps.Core.Diagnostics;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Validation;

/// <summary>
/// Checks one column's values against its schema: type (and a number beyond the type's range), null, min/max, the allowed set, the pattern (compiled
/// once, matched in full) and the maximum length.
/// Allocation-free on valid values (the allowed set is looked up by span); messages are built only for
/// violations that will be shown.
/// </summary>
internal sealed class ColumnCheck
{
    private const int MaxShownValueLength = 80;

    private readonly ColumnSchema _column;
    private readonly string _schemaPath;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _allowed;
    private readonly Regex? _pattern;
    private char[] _lastValid = new char[32];
    private int _lastValidLength = -1;

    public ColumnCheck(ColumnSchema column, int field, string schemaPath)
    {
        _column = column;
        _schemaPath = schemaPath;
        Field = field;
        if (column.Allowed is { } allowed)
        {
            _allowed = new HashSet<string>(allowed, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }
        if (column.Pattern is { } pattern)
        {
            _pattern = FullMatch(pattern);
        }
    }

    /// <summary>The regex a whole value must match: <paramref name="pattern"/> anchored at both ends.</summary>
    public static Regex FullMatch(string pattern) =>
        new($@"\A(?:{pattern})\z", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>0-based index of the column in the data file's header.</summary>
    public int Field { get; }

    public void Check(ReadOnlySpan<char> text, long line, ViolationLog log)
    {
        // Sorted timestamps and categories repeat from row to row: a value equal to the last valid one is valid.
        if (_lastValidLength >= 0 && text.SequenceEqual(_lastValid.AsSpan(0, _lastValidLength)))
        {
            return;
        }
        if (Validate(text, line, log))
        {
            if (text.Length > _lastValid.Length)
            {
                _lastValid = new char[text.Length * 2];
            }
            text.CopyTo(_lastValid);
            _lastValidLength = text.Length;
        }
    }

    // True when the value passed every check.
    private bool Validate(ReadOnlySpan<char> text, long line, ViolationLog log)
    {
        if (text.IsEmpty)
        {
            if (!_column.Nullable && log.Tally(Codes.ValueMissing, _column.Name, line, text, hasValue: true))
            {
                log.Show(Codes.ValueMissing, $"column {Visible.Quote(_column.Name)} is empty (null) but the schema does not declare it nullable (schema: {_schemaPath}). Fill in the value or add \"nullable\": true to the column in the schema.", line, Field + 1);
            }
            return _column.Nullable;
        }

        if (!Parses(text))
        {
            return ValueParser.IsOutOfTypeRange(_column.Type, text)
                ? Report(log, Codes.ValueOutOfTypeRange, text, line, $"is a number a {Describe()} cannot hold ({Range()})", "Fix or remove the value; for integers beyond that range declare the column \"float\".")
                : Report(log, Codes.ValueNotParsable, text, line, $"is not a valid {Describe()}", "Fix the value or change the column's type in the schema.");
        }

        bool valid = true;
        if (ValueParser.TryNumber(_column.Type, text, out double number))
        {
            if (number < _column.Min)
            {
                valid = Report(log, Codes.ValueBelowMinimum, text, line, $"is below the schema minimum {Format(_column.Min.Value)}", "Fix the data or widen the range in the schema.");
            }
            else if (number > _column.Max)
            {
                valid = Report(log, Codes.ValueAboveMaximum, text, line, $"is above the schema maximum {Format(_column.Max.Value)}", "Fix the data or widen the range in the schema.");
            }
        }

        if (_allowed is { } allowed && !allowed.Contains(text))
        {
            valid = Report(log, Codes.ValueNotAllowed, text, line, $"is not one of the {_column.Allowed!.Count} values the schema allows", "Fix the data or add the value to \"allowed\" in the schema.");
        }
        if (_column.MaxLength is int maxLength && text.Length > maxLength)
        {
            valid = Report(log, Codes.ValueTooLong, text, line, $"has {text.Length} characters, more than the schema's max_length {maxLength}", "Fix the data or raise \"max_length\" in the schema.");
        }
        if (_pattern is { } regex && !regex.IsMatch(text))
        {
            valid = Report(log, Codes.ValueNotMatchingPattern, text, line, $"does not match the schema pattern {Visible.Quote(_column.Pattern)} (in full)", "Fix the data or the \"pattern\" in the schema.");
        }
        return valid;
    }

    private bool Parses(ReadOnlySpan<char> text) => _column.Type switch
    {
        ColumnType.Integer => ValueParser.TryInteger(text, out _),
        ColumnType.Float => ValueParser.TryFloat(text, out _),
        ColumnType.Boolean => ValueParser.TryBoolean(text, out _),
        ColumnType.DateTime => ValueParser.TryDateTime(text, _column.Format, out _),
        _ => true,
    };

    private string Describe() => _column.Type switch
    {
        ColumnType.Integer => "integer (a whole number such as -12 or 340)",
        ColumnType.Float => "float (a finite number such as 3.5 or -1e-3, invariant culture)",
        ColumnType.Boolean => "boolean (true, false, 1 or 0)",
        ColumnType.DateTime => _column.Format is null ? "datetime (ISO 8601, e.g. 2001-01-31T06:00:00)" : $"datetime in the format {Visible.Quote(_column.Format)}",
        _ => "string",
    };

    private string Range() => _column.Type == ColumnType.Integer
        ? "whole numbers from -9223372036854775808 to 9223372036854775807; NaN and Infinity are not numbers here"
        : "finite numbers up to ±1.7976931348623157E+308; NaN and Infinity are rejected";

    // Always false, so a check can return "not valid" in the same statement that reports it.
    private bool Report(ViolationLog log, string code, ReadOnlySpan<char> text, long line, string problem, string fix)
    {
        if (log.Tally(code, _column.Name, line, text, hasValue: true))
        {
            string shown = text.Length > MaxShownValueLength ? $"{text[..MaxShownValueLength]}..." : text.ToString();
            log.Show(code, $"column {Visible.Quote(_column.Name)} value {Visible.Quote(shown)} {problem} (schema: {_schemaPath}). {fix}", line, Field + 1);
        }
        return false;
    }

    private static string Format(double bound) => bound.ToString(CultureInfo.InvariantCulture);
}
