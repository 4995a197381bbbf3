// The drift bench (bench/drift.sh). Usage:
//   DriftBench <flights.parquet> <schema.json> <work dir> [--runs N]
// Reads the flights file, takes rows [0, 1M) as the reference and the last 1M rows as the current data, exports both
// as raw little-endian arrays for bench/drift.py (scipy/numpy), writes the reference's drift-reference.json, then
// times (medians of N runs, after a warm-up): (raw) summarising both raw sides and comparing every column with every
// statistic; (profile) loading the reference JSON, summarising the current side and comparing; and the parts.
// Prints one JSON object: timings and every column's statistics (drift.sh checks them against scipy's).
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DriftBench;
using MLOps.Core.Diagnostics;
using MLOps.Core.Drift;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: DriftBench <flights.parquet> <schema.json> <work dir> [--runs N]");
    return 2;
}
string work = args[2];
int runs = args.Length >= 5 && args[3] == "--runs" ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
Directory.CreateDirectory(work);

var clock = Stopwatch.StartNew();
FlightsColumns all = FlightsColumns.Read(args[0], args[1]);
const int Take = 1_000_000;
Slice reference = Slice.Of(all, 0, Take), current = Slice.Of(all, all.Rows - Take, Take);
reference.Export(Path.Combine(work, "reference"));
current.Export(Path.Combine(work, "current"));
string referenceJson = Path.Combine(work, "drift-reference.json");
reference.Summarise().Save(referenceJson);
Console.Error.WriteLine($"[drift bench] read {all.Rows:N0} rows and exported both sides in {clock.Elapsed.TotalSeconds:F1} s; timing {runs} runs");

DriftReport Compare(DriftReference r, DriftReference c)
{
    var bag = new DiagnosticBag();
    DriftReport report = DriftDetector.Compare(r, c, new DriftOptions(), bag);
    return bag.HasErrors ? throw new InvalidOperationException(string.Join("\n", bag)) : report;
}
DriftReference LoadReference()
{
    var bag = new DiagnosticBag();
    return DriftReference.Load(referenceJson, bag) ?? throw new InvalidOperationException(string.Join("\n", bag));
}

DriftReference referenceSummary = reference.Summarise(), currentSummary = current.Summarise();
var workloads = new (string Name, Func<object> Run)[]
{
    ("raw", () => Compare(reference.Summarise(), current.Summarise())),
    ("profile", () => Compare(LoadReference(), current.Summarise())),
    ("summarise_current", () => current.Summarise()),
    ("load_reference_json", LoadReference),
    ("compare_only", () => Compare(referenceSummary, currentSummary)),
};
var times = workloads.ToDictionary(w => w.Name, _ => new List<double>());
foreach ((string _, Func<object> run) in workloads)
{
    run(); // warm-up: JIT
}
for (int i = 0; i < runs; i++)
{
    foreach ((string name, Func<object> run) in workloads)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        run();
        times[name].Add(watch.Elapsed.TotalSeconds);
    }
}

var timing = new JsonObject();
foreach ((string name, List<double> seconds) in times)
{
    seconds.Sort();
    timing[name] = new JsonObject { ["median_s"] = seconds[seconds.Count / 2], ["runs_s"] = new JsonArray([.. seconds.Select(s => (JsonNode)s)]) };
}
DriftReport final = Compare(LoadReference(), current.Summarise());
var output = new JsonObject
{
    ["rows"] = new JsonObject { ["reference"] = Take, ["current"] = Take, ["file"] = all.Rows },
    ["reference_json_bytes"] = new FileInfo(referenceJson).Length,
    ["timing"] = timing,
    ["report"] = JsonNode.Parse(final.ToJson()),
};
Console.WriteLine(output.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
return 0;
