using System.Globalization;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking.Query;

/// <summary>
/// Checks and normalises a value compared with an attribute: a status must be one the store writes, an instant
/// is turned into the stored form (ISO 8601 UTC with milliseconds, which sorts as text), anything else is text.
/// </summary>
internal static class AttributeValues
{
    public const string StoredInstant = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static readonly IReadOnlyList<string> Statuses = ["running", "succeeded", "failed", "gate-failed", "cached"];

    public static string Normalize(FieldRef field, Literal value) => field.Attribute!.Type switch
    {
        AttributeType.Status => Status(field, value),
        AttributeType.Instant => Instant(field, value),
        _ => value.Text,
    };

    private static string Status(FieldRef field, Literal value)
    {
        string? status = Statuses.FirstOrDefault(s => string.Equals(s, value.Text, StringComparison.OrdinalIgnoreCase));
        return status ?? throw new QueryException(Codes.FilterInvalidValue, $"The filter at {value.Position}: '{field.Text}' is never {value.Describe()}; valid statuses: {string.Join(", ", Statuses)}.");
    }

    private static string Instant(FieldRef field, Literal value)
    {
        if (!value.IsNumber && DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset instant))
            return instant.UtcDateTime.ToString(StoredInstant, CultureInfo.InvariantCulture);
        throw new QueryException(Codes.FilterInvalidValue, $"The filter at {value.Position}: '{field.Text}' is an instant, found {value.Describe()}; expected an ISO 8601 date or time in quotes, e.g. '2026-11-30' or '2026-11-30T14:00:00Z' (UTC unless it says otherwise).");
    }
}
