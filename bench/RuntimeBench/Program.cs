using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using MLOps.ModelFormat;
using MLOps.ModelFormat.Contract;
using MLOps.Runtime;
using RuntimeBench;

// bench/runtime.sh runs: RuntimeBench <flights.csv> <work folder> <results.json> [runs]
// Trains the FlightDelay model once (into <work>/model), then measures predictions per second on 10,000 rows it was not
// trained on, 3 passes per run, every series interleaved (round i starts at series i), medians over the runs.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: RuntimeBench <flights.csv> <work folder> <results.json> [runs]");
    return 2;
}

string csv = args[0], work = Path.GetFullPath(args[1]), results = args[2];
int runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 7;
const int Passes = 3;
List<FlightRow> all = FlightRow.Read(csv);
string modelFolder = Path.Combine(work, "model");
if (!File.Exists(Path.Combine(modelFolder, ModelFiles.LineageFile)))
{
    Console.WriteLine($"training the FlightDelay model on {Math.Min(60_000, all.Count)} rows");
    BenchModel.Train([.. all.Take(60_000)], modelFolder);
}

FlightInput[] rows = [.. all.Skip(60_000).Take(10_000).Select(r => r.ToInput())];
long perRun = (long)rows.Length * Passes;

// The baseline: what a plain ML.NET program does (load the zip, one PredictionEngine, Predict per row).
var ml = new MLContext(seed: 0);
ITransformer raw = ModelLoader.Load(ml, Path.Combine(modelFolder, ModelFiles.ModelFile), out _);
using var engine = ml.Model.CreatePredictionEngine<FlightInput, FlightPrediction>(raw);
using var host = ModelHost<FlightInput, FlightPrediction>.Load(modelFolder);
await using var service = ModelService<FlightInput, FlightPrediction>.Start(new() { ModelName = "FlightDelay", Directory = modelFolder });
string logFolder = Path.Combine(work, "log");
if (Directory.Exists(logFolder))
{
    Directory.Delete(logFolder, recursive: true);
}

await using var logged = ModelService<FlightInput, FlightPrediction>.Start(new()
{
    ModelName = "FlightDelay",
    Directory = modelFolder,
    Log = new() { Directory = logFolder, MaxFileBytes = 64L * 1024 * 1024, MaxFiles = 4 },
});

// Same answers, or the comparison means nothing.
double Sum(Func<FlightInput, float> predict) => rows.Sum(r => (double)predict(r));
double expected = Sum(r => engine.Predict(r).Probability);
if (Sum(r => host.Predict(r).Probability) != expected || Sum(r => service.Predict(r).Value.Probability) != expected)
{
    Console.Error.WriteLine("the runtime's answers differ from the raw engine's");
    return 1;
}

long offered = rows.Length; // the check above logged nothing: only `logged` logs
var series = new (string Name, Func<long> Run)[]
{
    ("raw PredictionEngine, 1 thread", () => OneThread(r => engine.Predict(r).Probability)),
    ("ModelHost, 1 thread", () => OneThread(r => host.Predict(r).Probability)),
    ("ModelService, 1 thread", () => OneThread(r => service.Predict(r).Value.Probability)),
    ("ModelService + log (every call), 1 thread", () => { offered += perRun; return OneThread(r => logged.Predict(r).Value.Probability); }),
    ("raw PredictionEngine, 2 threads (one engine each)", () => TwoThreads(() => { var e = ml.Model.CreatePredictionEngine<FlightInput, FlightPrediction>(raw); return r => e.Predict(r).Probability; })),
    ("ModelService, 2 threads", () => TwoThreads(() => r => service.Predict(r).Value.Probability)),
};
offered = 0;
var seconds = series.Select(_ => new List<double>()).ToArray();
var cpuSeconds = series.Select(_ => new List<double>()).ToArray();
using var self = Process.GetCurrentProcess();
var counts = new long[series.Length];
var drains = new List<double>();
for (int round = -1; round < runs; round++)
{
    for (int k = 0; k < series.Length; k++)
    {
        int s = (Math.Max(round, 0) + k) % series.Length;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        self.Refresh();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        counts[s] = series[s].Run();
        double elapsed = clock.Elapsed.TotalSeconds;
        self.Refresh();
        double cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        if (s == 3)
        {
            // The writer's backlog is drained before the next series, and how long that took is recorded.
            var drain = Stopwatch.StartNew();
            while (logged.Log!.Written + logged.Log.Dropped < offered)
            {
                Thread.Sleep(1);
            }

            if (round >= 0)
            {
                drains.Add(drain.Elapsed.TotalSeconds);
            }
        }

        if (round >= 0)
        {
            seconds[s].Add(elapsed);
            cpuSeconds[s].Add(cpu);
        }
    }

    Console.WriteLine(round < 0 ? "warm-up done" : $"run {round + 1}/{runs} done");
}

static double Median(IEnumerable<double> values)
{
    double[] v = [.. values.Order()];
    return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
}

double[] rates = [.. seconds.Select((s, i) => counts[i] / Median(s))];
// Per CPU second of the whole process (the log writer's thread included): less at the mercy of other processes' load.
double[] cpuRates = [.. cpuSeconds.Select((s, i) => counts[i] / Median(s))];
PredictionLogStatus log = logged.Log!;
var report = new
{
    rows = rows.Length,
    passes = Passes,
    runs,
    series = series.Select((s, i) => new { name = s.Name, predictions_per_second = Math.Round(rates[i]), predictions_per_cpu_second = Math.Round(cpuRates[i]), seconds = seconds[i], cpu_seconds = cpuSeconds[i] }).ToArray(),
    ratios = new
    {
        host_vs_raw = rates[1] / rates[0],
        service_vs_raw = rates[2] / rates[0],
        logging_cost = 1 - (rates[3] / rates[2]),
        service_2_threads_vs_1 = rates[5] / rates[2],
        raw_2_threads_vs_1 = rates[4] / rates[0],
        service_vs_raw_cpu = cpuRates[2] / cpuRates[0],
        logging_cost_cpu = 1 - (cpuRates[3] / cpuRates[2]),
    },
    log = new { written = log.Written, dropped = log.Dropped, sampled_out = log.SampledOut, files = log.Files, drain_seconds_median = Median(drains) },
};
File.WriteAllText(results, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
foreach (var (s, i) in series.Select((s, i) => (s, i)))
{
    Console.WriteLine($"{s.Name,-52} {rates[i],12:N0} predictions/s");
}

Console.WriteLine($"host/raw {report.ratios.host_vs_raw:0.000}  service/raw {report.ratios.service_vs_raw:0.000}  logging cost {report.ratios.logging_cost:P1}  log: {log.Written} written, {log.Dropped} dropped");
return 0;

long OneThread(Func<FlightInput, float> predict)
{
    float sum = 0;
    for (int pass = 0; pass < Passes; pass++)
    {
        foreach (FlightInput row in rows)
        {
            sum += predict(row);
        }
    }

    GC.KeepAlive(sum);
    return perRun;
}

long TwoThreads(Func<Func<FlightInput, float>> predictor)
{
    Thread[] threads = [.. Enumerable.Range(0, 2).Select(_ =>
    {
        Func<FlightInput, float> predict = predictor();
        return new Thread(() => OneThread(predict));
    })];
    foreach (Thread t in threads)
    {
        t.Start();
    }

    foreach (Thread t in threads)
    {
        t.Join();
    }

    return 2 * perRun;
}
