// The data benchmarks of issue 3 (bench/README.md, part (c)). Usage:
//   DataBench run <data.csv> <data-1m.csv> <schema.json> <out.json> [--runs N] [--hash-runs N]
//     (c1) validate + profile vs ML.NET loading and enumerating the CSV, (c3) Fingerprint.OfFile vs reading
//     the bytes, Sha256OfFile and sha256sum: all in this process, warm-up first, medians of interleaved runs.
//     (c2) peak memory: `DataBench memory` run in fresh child processes on both files.
//   DataBench memory <workload> <data.csv> <schema.json>
//     runs one workload (idle, validate-profile, mlnet-load) once and prints its peak working set and GC
//     allocations as one JSON line.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataBench;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["memory", string workload, string memoryData, string memorySchema])
{
    Console.WriteLine(Memory.Measure(workload, memoryData, LoadSchema(memorySchema)).ToJsonString());
    return 0;
}
if (args.Length < 5 || args[0] != "run")
{
    Console.Error.WriteLine("usage: DataBench run <data.csv> <data-1m.csv> <schema.json> <out.json> [--runs N] [--hash-runs N]");
    Console.Error.WriteLine("       DataBench memory <idle|validate-profile|mlnet-load> <data.csv> <schema.json>");
    return 2;
}
string data = args[1], small = args[2], schemaPath = args[3], output = args[4];
string load1 = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "";
int runs = Option("--runs", 5), hashRuns = Option("--hash-runs", 11);
TableSchema schema = LoadSchema(schemaPath);
long bytes = new FileInfo(data).Length;
Say($"data: {data} ({bytes / 1e6:F1} MB); {runs} timed runs of each workload after a warm-up ({hashRuns} after 5 warm-ups for hashing: tiered JIT promotes a hot loop only after about 30 calls)");

// (c1) Validate + profile vs ML.NET. Validate alone and the bare reader are information: where the time goes.
Series[] load = Timing.Compare(runs, 1,
    new Workload("validate_profile", () => Workloads.ValidateAndProfile(data, schema)),
    new Workload("mlnet_load", () => Workloads.MLNetLoad(data)),
    new Workload("validate_only", () => Workloads.ValidateOnly(data, schema)),
    new Workload("read_only", () => Workloads.ReadOnly(data, schema)));
var c1 = Comparison(load, "validate_profile", "mlnet_load", 0.5);
Say($"(c1) validate+profile / ML.NET load+enumerate: {c1["ratio_wall"]} wall, {c1["ratio_cpu"]} CPU (goal <= 0.5, {Met(c1)})");
Print(load);

// (c3) Fingerprints vs reading the bytes; SHA-256 in .NET and sha256sum for speed only.
Series[] hash = Timing.Compare(hashRuns, 5,
    new Workload("xxhash128", () => Fingerprint.OfFile(data)),
    new Workload("read_bytes", () => Workloads.ReadBytes(data)),
    new Workload("sha256_dotnet", () => Fingerprint.Sha256OfFile(data)),
    new Workload("sha256sum", () => Workloads.Sha256Sum(data)));
if (hash[2].Result != hash[3].Result)
{
    throw new InvalidOperationException($"Sha256OfFile gives {hash[2].Result}, sha256sum {hash[3].Result}");
}
var c3 = Comparison(hash, "xxhash128", "read_bytes", 2.0);
var speeds = new JsonObject();
foreach (Series s in hash)
{
    speeds[s.Name] = Math.Round(bytes / s.MedianWall / 1e6);
}
c3["mb_per_s"] = speeds;
c3["xxhash128_speed_vs_sha256sum"] = Math.Round(hash[3].MedianWall / hash[0].MedianWall, 1);
Say($"(c3) Fingerprint.OfFile / read bytes: {c3["ratio_wall"]} wall (goal <= 2, {Met(c3)}); MB/s: {speeds.ToJsonString()}; XxHash128 is {c3["xxhash128_speed_vs_sha256sum"]}x sha256sum's speed");
Print(hash);

// (c2) Peak memory, each in a fresh process: the runtime alone, validate + profile on 1M and on all rows, ML.NET.
var memory = new JsonObject
{
    ["idle"] = Memory.Child("idle", data, schemaPath),
    ["validate_profile_small"] = Memory.Child("validate-profile", small, schemaPath),
    ["validate_profile_full"] = Memory.Child("validate-profile", data, schemaPath),
    ["mlnet_load_full"] = Memory.Child("mlnet-load", data, schemaPath),
};
double peakSmall = (double)memory["validate_profile_small"]!["peak_working_set_mb"]!;
double peakFull = (double)memory["validate_profile_full"]!["peak_working_set_mb"]!;
memory["peak_ratio_full_vs_small"] = Math.Round(peakFull / peakSmall, 3);
Say($"(c2) validate+profile peak working set: {peakSmall} MB on {memory["validate_profile_small"]!["result"]}, {peakFull} MB on {memory["validate_profile_full"]!["result"]}: ratio {memory["peak_ratio_full_vs_small"]} (expected about 1)");
foreach ((string name, JsonNode? node) in memory)
{
    if (node is JsonObject o)
    {
        Say($"     {name,-24} {o["peak_working_set_mb"],8} MB peak, {o["gc_allocated_mb"],8} MB allocated, {o["wall_s"],6} s: {o["result"]}");
    }
}

var report = new JsonObject
{
    ["data"] = new JsonObject { ["path"] = data, ["bytes"] = bytes, ["small_path"] = small, ["rows"] = load[0].Result },
    ["method"] = new JsonObject { ["runs"] = runs, ["hash_runs"] = hashRuns, ["processor_count"] = Environment.ProcessorCount, ["runtime"] = Environment.Version.ToString(), ["load1_before"] = load1 },
    ["validate_vs_mlnet"] = c1,
    ["memory"] = memory,
    ["fingerprint"] = c3,
};
File.WriteAllText(output, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
Say($"written: {output}");
return 0;

int Option(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at > 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static TableSchema LoadSchema(string path)
{
    var bag = new DiagnosticBag();
    return SchemaFile.Load(path, bag) ?? throw new InvalidDataException(string.Join("; ", bag.Select(d => d.Message)));
}

static JsonObject Comparison(Series[] all, string top, string bottom, double goal)
{
    Series x = all.Single(s => s.Name == top), y = all.Single(s => s.Name == bottom);
    double ratio = Math.Round(x.MedianWall / y.MedianWall, 3);
    var series = new JsonObject();
    foreach (Series s in all)
    {
        series[s.Name] = new JsonObject
        {
            ["median_wall_s"] = Math.Round(s.MedianWall, 4),
            ["median_cpu_s"] = Math.Round(s.MedianCpu, 4),
            ["min_wall_s"] = Math.Round(s.MinWall, 4),
            ["wall_s"] = new JsonArray([.. s.WallSeconds.Select(v => (JsonNode)Math.Round(v, 4))]),
            ["cpu_s"] = new JsonArray([.. s.CpuSeconds.Select(v => (JsonNode)Math.Round(v, 4))]),
            ["result"] = s.Result,
        };
    }
    return new JsonObject
    {
        ["ratio_wall"] = ratio,
        ["ratio_cpu"] = Math.Round(x.MedianCpu / y.MedianCpu, 3),
        ["ratio_of_minimum_walls"] = Math.Round(x.MinWall / y.MinWall, 3),
        ["goal"] = goal,
        ["met"] = ratio <= goal,
        ["series"] = series,
    };
}

static string Met(JsonObject comparison) => (bool)comparison["met"]! ? "met" : "NOT met";

static void Print(Series[] all)
{
    foreach (Series s in all)
    {
        Say($"     {s.Name,-18} median {s.MedianWall,8:F3} s wall, {s.MedianCpu,8:F3} s CPU; runs {string.Join(" ", s.WallSeconds.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))}: {s.Result}");
    }
}

static void Say(string text) => Console.WriteLine($"[databench {DateTime.Now:HH:mm:ss}] {text}");
