using System.Diagnostics;
using System.Text.Json.Nodes;
using MLOps.Core.Data.Schema;

namespace DataBench;

/// <summary>Peak memory of one workload, measured in a fresh process so nothing else shares its peak.</summary>
internal static class Memory
{
    public static JsonObject Measure(string workload, string data, TableSchema schema)
    {
        long start = Stopwatch.GetTimestamp();
        string result = workload switch
        {
            "idle" => "runtime and schema only",
            "validate-profile" => Workloads.ValidateAndProfile(data, schema),
            "mlnet-load" => Workloads.MLNetLoad(data),
            _ => throw new ArgumentException($"unknown workload '{workload}'; valid: idle, validate-profile, mlnet-load"),
        };
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        using var process = Process.GetCurrentProcess();
        return new JsonObject
        {
            ["workload"] = workload,
            ["path"] = data,
            ["result"] = result,
            ["wall_s"] = Math.Round(wall, 3),
            ["peak_working_set_mb"] = Math.Round(process.PeakWorkingSet64 / 1048576.0, 1),
            ["gc_allocated_mb"] = Math.Round(GC.GetTotalAllocatedBytes(precise: true) / 1048576.0, 1),
            ["gc_heap_after_mb"] = Math.Round(GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, 1),
            ["gc_count_gen0_gen1_gen2"] = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}",
        };
    }

    /// <summary>Runs <c>DataBench memory</c> in a child process (the same executable) and returns what it printed.</summary>
    public static JsonObject Child(string workload, string data, string schemaPath)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Memory).Assembly.Location);
        }
        foreach (string arg in (string[])["memory", workload, data, schemaPath])
        {
            start.ArgumentList.Add(arg);
        }
        using Process child = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {host}");
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"DataBench memory {workload} exited with {child.ExitCode}: {output}");
        }
        return JsonNode.Parse(output)!.AsObject();
    }
}
