using System.Diagnostics;

namespace DataBench;

/// <summary>One workload of a comparison: a name and the work, which returns a figure to check (rows, a hash).</summary>
internal sealed record Workload(string Name, Func<string> Work);

/// <summary>The runs of one workload: wall and CPU seconds of each, and what the work returned.</summary>
internal sealed record Series(string Name, double[] WallSeconds, double[] CpuSeconds, string Result)
{
    public double MedianWall => Median(WallSeconds);

    public double MedianCpu => Median(CpuSeconds);

    public double MinWall => WallSeconds.Min();

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

internal static class Timing
{
    /// <summary>
    /// Runs every workload <paramref name="warmups"/> times untimed (JIT and tiered recompilation, page cache), then
    /// <paramref name="runs"/> timed rounds;
    /// round i starts at workload i (mod count), so no workload always runs first. A full GC precedes each run,
    /// so garbage of one does not land on the next. CPU is the whole process's (every thread, GC included).
    /// </summary>
    public static Series[] Compare(int runs, int warmups, params Workload[] workloads)
    {
        var walls = workloads.Select(_ => new List<double>()).ToArray();
        var cpus = workloads.Select(_ => new List<double>()).ToArray();
        var results = new string[workloads.Length];
        for (int round = 0; round < Math.Max(1, warmups); round++)
        {
            for (int w = 0; w < workloads.Length; w++)
            {
                results[w] = workloads[w].Work();
            }
        }
        for (int round = 0; round < runs; round++)
        {
            for (int k = 0; k < workloads.Length; k++)
            {
                int w = (round + k) % workloads.Length;
                (double wall, double cpu, string result) = Once(workloads[w].Work);
                if (result != results[w])
                {
                    throw new InvalidOperationException($"{workloads[w].Name} returned {result}, then {results[w]}");
                }
                walls[w].Add(wall);
                cpus[w].Add(cpu);
            }
        }
        return [.. workloads.Select((w, i) => new Series(w.Name, [.. walls[i]], [.. cpus[i]], results[i]))];
    }

    private static (double Wall, double Cpu, string Result) Once(Func<string> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        string result = work();
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return (wall, cpu, result);
    }
}
