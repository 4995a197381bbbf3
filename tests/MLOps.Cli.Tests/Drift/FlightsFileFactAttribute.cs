using Xunit;

namespace MLOps.Cli.Tests.Drift;

/// <summary>A fact on the real 3M-row flights file: skipped, naming it, where ../shared/data does not hold it.</summary>
public sealed class FlightsFileFactAttribute : FactAttribute
{
    public FlightsFileFactAttribute()
    {
        if (!File.Exists(FlightMonths.Parquet))
            Skip = $"{FlightMonths.Parquet} not found: the flights scenario reads the real January-June 2001 flights (see data/flights/README.md).";
    }
}
