using System.Globalization;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.IO;
using MLOps.Core.Packaging;
using MLOps.Core.SourceControl;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Data.Readers;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests.Scoring;

/// <summary>
/// The FlightDelay model trained once for a test class, on the first 20,000 rows of data/flights, laid out as a model folder
/// (mlops/FlightDelay/: model.zip, the lineage the pipeline writes, schema.json), and the next 2,000 real rows to score,
/// as CSV, Parquet and JSON Lines.
/// </summary>
public sealed class FlightsModel : IDisposable
{
    public const int TrainRows = 20_000;
    public const int ServeRows = 2_000;

    public FlightsModel()
    {
        Directory.CreateDirectory(Temp.Combine(".git")); // the temp folder is the repository root
        Spec = FlightsCopy.Create(Temp);
        string[] lines = File.ReadAllLines(FlightsCopy.DataFile(Temp));
        File.WriteAllLines(FlightsCopy.DataFile(Temp), lines.Take(TrainRows + 1));
        Rows = [.. lines.Skip(TrainRows + 1).Take(ServeRows).Select(Parse)];

        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(Spec, bag) ?? throw new InvalidOperationException(string.Join("\n", bag));
        TableSchema schema = SchemaFile.Load(spec.Data.SchemaPath, bag)!;
        string train = Temp.Combine("train");
        TrainingRecord record = new ModelTrainer().Train(spec, schema, train);
        TrainingMetrics = ModelEvaluator.Evaluate(spec.Task, Path.Combine(train, ModelFiles.ModelFile), Path.Combine(train, ModelTrainer.TestSetFileName), spec.Trainer.Seed);

        Folder = Directory.CreateDirectory(Temp.Combine("model", ModelFiles.Folder, "FlightDelay")).FullName;
        File.Copy(Path.Combine(train, ModelFiles.ModelFile), Path.Combine(Folder, ModelFiles.ModelFile));
        File.Copy(spec.Data.SchemaPath, Path.Combine(Folder, ModelFiles.SchemaFile));
        JsonFile.Write(Path.Combine(Folder, ModelFiles.LineageFile), LineageBuilder.Build(PackageId, Version, record, TrainingMetrics, [], GitInfo.Unknown, null));
        ModelSha256 = record.ModelSha256;

        Csv = Temp.Write("serve/flights.csv", FlightRow.Csv(Rows));
        Jsonl = Temp.Write("serve/flights.jsonl", FlightRow.JsonLines(Rows));
        Parquet = Temp.PathOf("serve/flights.parquet");
        FlightRow.WriteParquet(Parquet, Rows, rowGroupSize: 700);
    }

    public const string PackageId = "FlightDelay.Model";
    public const string Version = "1.0.0";

    internal TempFolder Temp { get; } = new("mlops-predict");

    /// <summary>The model.yaml of the copy (data.path: the training cut).</summary>
    public string Spec { get; }

    /// <summary>mlops/FlightDelay/: model.zip, lineage.json, schema.json.</summary>
    public string Folder { get; }

    public string ModelSha256 { get; }

    public IReadOnlyDictionary<string, double> TrainingMetrics { get; }

    /// <summary>Real rows after the training cut, with their delay (the label a service does not have).</summary>
    internal IReadOnlyList<FlightRow> Rows { get; }

    public string Csv { get; }

    public string Jsonl { get; }

    public string Parquet { get; }

    /// <summary>A copy of the model folder a test may break.</summary>
    public string CopyFolder(string name)
    {
        string copy = Directory.CreateDirectory(Temp.Combine("copies", name, "FlightDelay")).FullName;
        foreach (string file in Directory.EnumerateFiles(Folder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    public void Dispose() => Temp.Dispose();

    private static FlightRow Parse(string line)
    {
        string[] f = line.Split(',');
        return new FlightRow(DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
            int.Parse(f[2], CultureInfo.InvariantCulture), f[3], f[4]);
    }
}
