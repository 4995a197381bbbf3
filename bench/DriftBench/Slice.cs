using MLOps.Core.Drift;

namespace DriftBench;

/// <summary>A run of rows of the flights columns: summarised as the drift engine does, or exported for numpy.</summary>
internal sealed class Slice(FlightsColumns all, int start, int count)
{
    public static Slice Of(FlightsColumns all, int start, int count) => new(all, start, count);

    /// <summary>Every column: datetime parts, the two numbers and the two categories (the flights data has no prediction; the label delay is compared as a number).</summary>
    public DriftReference Summarise() => new DriftReferenceBuilder()
        .AddDateTime("date", all.Date.AsSpan(start, count))
        .AddNumeric("delay", all.Delay.AsSpan(start, count))
        .AddNumeric("distance", all.Distance.AsSpan(start, count))
        .AddCategorical("origin", all.Origin.AsSpan(start, count), all.Labels)
        .AddCategorical("destination", all.Destination.AsSpan(start, count), all.Labels)
        .Build();

    /// <summary>Raw little-endian arrays: date as int64 minutes since 1970-01-01, numbers float64, categories int32 codes; labels one per line.</summary>
    public void Export(string prefix)
    {
        var minutes = new long[count];
        for (int i = 0; i < count; i++)
        {
            minutes[i] = (all.Date[start + i] - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMinute;
        }
        Write($"{prefix}.date.i64", minutes);
        Write($"{prefix}.delay.f64", all.Delay.AsSpan(start, count).ToArray());
        Write($"{prefix}.distance.f64", all.Distance.AsSpan(start, count).ToArray());
        Write($"{prefix}.origin.i32", all.Origin.AsSpan(start, count).ToArray());
        Write($"{prefix}.destination.i32", all.Destination.AsSpan(start, count).ToArray());
        File.WriteAllLines(Path.Combine(Path.GetDirectoryName(prefix)!, "labels.txt"), all.Labels);
    }

    private static void Write<T>(string path, T[] values) where T : unmanaged =>
        File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
}
