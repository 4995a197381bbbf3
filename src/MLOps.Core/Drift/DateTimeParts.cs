namespace MLOps.Core.Drift;

/// <summary>The names of the numeric columns a datetime column is compared through (a raw timestamp always drifts: time moves on).</summary>
public static class DateTimeParts
{
    public static string Hour(string column) => column + ".hour";

    public static string DayOfWeek(string column) => column + ".day_of_week";

    public static string Month(string column) => column + ".month";
}
