using System.Globalization;
using System.Text;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.DriftCheck;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests.Drift;

/// <summary>
/// A small flights model trained once for the drift command's tests, laid out as a package lays out its files:
/// model/ holds model.zip, lineage.json (its model_sha256), schema.json and drift-reference.json (from its test rows).
/// Also the training data and the spec beside it.
/// </summary>
public sealed class DriftModel : IDisposable
{
    private readonly TempFolder _dir = new("mlops-drift-model");

    public DriftModel()
    {
        _dir.Write("flights.csv", TestModels.FlightsCsv(1500));
        _dir.Write("schema.json", TestModels.FlightsSchema);
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(_dir.Write("model.yaml", TestModels.FlightsSpec()), bag)!;
        TableSchema schema = SchemaFile.Load(_dir.PathOf("schema.json"), bag)!;
        string training = _dir.PathOf("training");
        new ModelTrainer().Train(spec, schema, training);
        Directory.CreateDirectory(Folder);
        File.Copy(Path.Combine(training, ModelFiles.ModelFile), Path.Combine(Folder, ModelFiles.ModelFile));
        File.Copy(_dir.PathOf("schema.json"), Path.Combine(Folder, ModelFiles.SchemaFile));
        File.WriteAllText(Path.Combine(Folder, ModelFiles.LineageFile), $"{{\"{Lineage.ModelSha256Property}\": \"{Fingerprint.Sha256OfFile(Path.Combine(Folder, ModelFiles.ModelFile))}\"}}");
        TrainingDriftReference.Build(spec, schema, Path.Combine(training, ModelFiles.ModelFile), Path.Combine(training, ModelTrainer.TestSetFileName))
            .Save(Path.Combine(Folder, ModelFiles.DriftReferenceFile));
    }

    /// <summary>The model's files, as in mlops/&lt;Model&gt;/ of a consumer's output.</summary>
    public string Folder => _dir.PathOf("model");

    public string Spec => _dir.PathOf("model.yaml");

    public string Data => _dir.PathOf("flights.csv");

    public string PathOf(string name) => _dir.PathOf(name);

    public string Write(string name, string content) => _dir.Write(name, content);

    /// <summary>Flights like the training data's (another seed), or late at night and long-haul only (drifted).</summary>
    public static string Flights(int rows, int seed, bool drifted = false)
    {
        if (!drifted)
            return TestModels.FlightsCsv(rows, seed);
        var random = new Random(seed);
        var csv = new StringBuilder("date,delay,distance,origin,destination\n");
        for (int i = 0; i < rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"2001-06-{1 + random.Next(30):00} 23:{random.Next(60):00},10,{random.Next(4000, 5000)},ORD,JFK\n");
        return csv.ToString();
    }

    public void Dispose() => _dir.Dispose();
}
