// Usage: BareMLNet <flights.csv> <model.yaml> <out-model.zip> [--load=stream (default)|memory|cache]
// The FlightDelay model the way a plain ML.NET program trains it: TextLoader over the CSV (date read as
// DataKind.DateTime by TextLoader itself), the same features (hour, day-of-week, month of the date;
// distance; one-hot origin and destination), label delay > 15, TrainTestSplit(0.2, seed 42), LightGbm
// with the spec's parameters, AUC on the test split, model saved. The parameters are hard-coded and
// checked against the spec so the two runs cannot silently diverge.
using System.Diagnostics;
using System.Globalization;
using BareMLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

string mode = args.FirstOrDefault(a => a.StartsWith("--load=", StringComparison.Ordinal))?["--load=".Length..] ?? "stream";
args = [.. args.Where(a => !a.StartsWith("--load=", StringComparison.Ordinal))];
if (args.Length != 3 || mode is not ("memory" or "stream" or "cache"))
{
    Console.Error.WriteLine("usage: BareMLNet <flights.csv> <model.yaml> <out-model.zip> [--load=memory|stream|cache]");
    return 2;
}

const int Seed = 42;
const double TestFraction = 0.2;
const float DelayThreshold = 15;
var trainerOptions = new LightGbmBinaryTrainer.Options
{
    LabelColumnName = "Label",
    FeatureColumnName = "Features",
    NumberOfLeaves = 31,
    NumberOfIterations = 100,
    LearningRate = 0.1,
    MinimumExampleCountPerLeaf = 20,
    Seed = Seed,
};

using var spec = File.OpenText(args[1]);
string[] mismatches = SpecCheck.Mismatches(spec, new Dictionary<string, string>
{
    ["task"] = "binary-classification",
    ["label.column"] = "delay",
    ["label.when"] = "> 15",
    ["trainer.name"] = "LightGbm",
    ["trainer.seed"] = "42",
    ["trainer.parameters.NumberOfLeaves"] = "31",
    ["trainer.parameters.NumberOfIterations"] = "100",
    ["trainer.parameters.LearningRate"] = "0.1",
    ["trainer.parameters.MinimumExampleCountPerLeaf"] = "20",
    ["split.test-fraction"] = "0.2",
    ["split.seed"] = "42",
}).ToArray();
if (mismatches.Length > 0)
{
    Console.Error.WriteLine($"{args[1]} does not match the parameters hard-coded here: {string.Join("; ", mismatches)}");
    return 2;
}

var clock = Stopwatch.StartNew();
var ml = new MLContext(seed: Seed);
var loader = ml.Data.CreateTextLoader(FlightsTextLoader.Options());
IDataView data = loader.Load(args[0]);
data = mode switch
{
    // Parse the text once into typed rows, then train from memory (what the pipeline does too).
    "memory" => ml.Data.LoadFromEnumerable(ml.Data.CreateEnumerable<FlightRow>(data, reuseRowObject: false).ToList(), data.Schema),
    // ML.NET's cache: the first pass fills it, the later ones read it.
    "cache" => ml.Data.Cache(data),
    // Every pass (each one-hot fit, the trainer, the evaluation) parses the CSV again.
    _ => data,
};
double loadSeconds = clock.Elapsed.TotalSeconds;

IDataView labelled = ml.Transforms.CustomMapping<DelayRow, LabelRow>((row, label) => label.Label = row.Delay > DelayThreshold, contractName: null)
    .Fit(data).Transform(data);
var split = ml.Data.TrainTestSplit(labelled, TestFraction, seed: Seed);

var pipeline = ml.Transforms.CustomMapping<DateRow, DatePartsRow>(DatePartsRow.Map, DatePartsRow.ContractName)
    .Append(ml.Transforms.ReplaceMissingValues("Distance", "distance", MissingValueReplacingEstimator.ReplacementMode.Mean))
    .Append(ml.Transforms.Categorical.OneHotEncoding("Origin", "origin"))
    .Append(ml.Transforms.Categorical.OneHotEncoding("Destination", "destination"))
    .Append(ml.Transforms.Concatenate("Features", "DepartureHour", "DayOfWeek", "Month", "Distance", "Origin", "Destination"))
    .Append(ml.BinaryClassification.Trainers.LightGbm(trainerOptions));

if (Environment.GetEnvironmentVariable("BARE_DEBUG") == "1")
{
    // Not part of a timed run: row counts and the first rows' features, to compare with the pipeline.
    Console.WriteLine($"debug: train {split.TrainSet.Preview(int.MaxValue).RowView.Length} rows, test {split.TestSet.Preview(int.MaxValue).RowView.Length} rows");
    var preview = pipeline.Fit(split.TrainSet).Transform(split.TestSet).Preview(3);
    foreach (var row in preview.RowView)
    {
        Console.WriteLine("debug: " + string.Join(" ", row.Values.Where(v => v.Key is "date" or "delay" or "DepartureHour" or "DayOfWeek" or "Month" or "Label" or "Score").Select(v => $"{v.Key}={v.Value}")));
    }
}

ITransformer model = pipeline.Fit(split.TrainSet);
double fitSeconds = clock.Elapsed.TotalSeconds;

var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
double evaluateSeconds = clock.Elapsed.TotalSeconds - fitSeconds;

ml.Model.Save(model, data.Schema, args[2]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"bare (load={mode}): load {loadSeconds:0.0} s, fit {fitSeconds - loadSeconds:0.0} s, evaluate {evaluateSeconds:0.0} s, save {clock.Elapsed.TotalSeconds - fitSeconds - evaluateSeconds:0.0} s; " +
    $"auc {metrics.AreaUnderRocCurve:0.0000}, accuracy {metrics.Accuracy:0.0000}, log_loss {metrics.LogLoss:0.0000}; model {args[2]}"));
return 0;
