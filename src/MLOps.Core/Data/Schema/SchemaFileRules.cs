using System.Globalization;
using System.Text.RegularExpressions;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Schema;

/// <summary>
/// What a well-formed column declaration can still get wrong: settings its type cannot use, bounds out of
/// order, fractions outside 0 to 1. Each problem is a sentence that ends with what to do.
/// </summary>
internal static class SchemaFileRules
{
    public static IEnumerable<string> Problems(ColumnDto c, HashSet<string> seen)
    {
        string type = c.Type.ToString().ToLowerInvariant();
        if (c.Name.Length == 0)
        {
            yield return "has an empty name. Give every column the name it has in the data file's header.";
        }
        if (!seen.Add(c.Name))
        {
            yield return "is declared twice. Remove or rename one of the declarations.";
        }
        if (c.Min?.Value > c.Max?.Value)
        {
            yield return $"has min {c.Min.Value} above max {c.Max!.Value}. Swap or correct the bounds.";
        }
        if ((c.Min is not null || c.Max is not null) && c.Type is not (ColumnType.Integer or ColumnType.Float))
        {
            yield return $"has min/max but type {Visible.Quote(type)}. Bounds apply to integer and float columns only.";
        }
        if (c.Format is not null && c.Type != ColumnType.DateTime)
        {
            yield return $"has a format but type {Visible.Quote(type)}. A format applies to datetime columns only.";
        }
        if ((c.Pattern is not null || c.MaxLength is not null) && c.Type is not (ColumnType.Categorical or ColumnType.Text))
        {
            yield return $"has a pattern or max_length but type {Visible.Quote(type)}. They apply to categorical and text columns only.";
        }
        if (c.Allowed is not null && c.Type == ColumnType.Text)
        {
            yield return "has an allowed list but type 'text'. A column whose values come from a fixed set is \"categorical\"; change the type, or remove \"allowed\" from a free-text column.";
        }
        if (c.Pattern is not null && PatternError(c.Pattern.Value) is { } error)
        {
            yield return $"has a pattern that is not a valid .NET regular expression: {error} Fix the pattern.";
        }
        if (c.MaxLength?.Value < 0)
        {
            yield return $"has max_length {c.MaxLength.Value}. Give a length of 0 or more.";
        }
        if (c.MaxNullFraction is < 0 or > 1)
        {
            yield return $"has max_null_fraction {c.MaxNullFraction}. Give a fraction from 0 to 1.";
        }
        if (c.MaxNullFraction is not null && !c.Nullable)
        {
            yield return "has max_null_fraction but is not nullable. Add \"nullable\": true (empty values are then allowed up to that fraction).";
        }
        if (!IsFraction(c.Mostly))
        {
            yield return $"has mostly {Number(c.Mostly)}. Give the fraction of rows that must pass, above 0 and at most 1 (default 1).";
        }
        foreach ((string check, double? mostly) in c.CheckTolerances())
        {
            if (mostly is { } m && !IsFraction(m))
            {
                yield return $"has mostly {Number(m)} on \"{check}\". Give the fraction of rows that must pass, above 0 and at most 1.";
            }
        }
        if (c.Environments is { } environments)
        {
            foreach (string e in environments.Where(e => !TableSchema.KnownEnvironments.Contains(e)))
            {
                yield return $"names environment {Visible.Quote(e)}. Valid values are {string.Join(", ", TableSchema.KnownEnvironments)}.";
            }
            if (environments.Count == 0)
            {
                yield return "has an empty environments list. List the environments the column is in, or leave the key out (all).";
            }
        }
    }

    /// <summary>A <c>mostly</c> tolerance: above 0, at most 1.</summary>
    public static bool IsFraction(double mostly) => mostly is > 0 and <= 1;

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? PatternError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
