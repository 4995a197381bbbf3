using System.Globalization;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Runs;

/// <summary>How runs' values read in tables: UTC instants to the second, short durations, metrics to 4 decimals, '-' for nothing.</summary>
internal static class RunText
{
    public const string None = "-";

    public static string Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? None;

    public static string Duration(Run run)
    {
        if (run.EndedAt is not { } ended)
            return run.Status == RunStatus.Running ? "running" : None;
        TimeSpan d = ended - run.StartedAt;
        return d.TotalSeconds < 60 ? d.TotalSeconds.ToString("0.0's'", CultureInfo.InvariantCulture)
            : d.TotalHours < 1 ? $"{(int)d.TotalMinutes}m{d.Seconds:00}s"
            : $"{(int)d.TotalHours}h{d.Minutes:00}m";
    }

    public static string Metric(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? None;

    public static string Delta(double? value) => value switch
    {
        null => None,
        0 => "0",
        > 0 => "+" + value.Value.ToString("0.0000", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}
