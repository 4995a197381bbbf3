using System.Reflection;
using Microsoft.ML;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Training;

/// <summary>
/// Trains one model from its spec: loads the validated data, prepares the label, splits off the test
/// rows (seeded), fits the pipeline (seeded MLContext) and writes model.zip, test.idv (the held-out rows,
/// for the evaluate step) and training.json into <c>outputDir</c>.
/// </summary>
public sealed class ModelTrainer
{
    public const string ModelFileName = ModelFiles.ModelFile;
    public const string TestSetFileName = "test.idv";
    public const string RecordFileName = "training.json";

    private readonly TimeProvider _clock;

    public ModelTrainer(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    public static string MLNetVersion { get; } =
        typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public TrainingRecord Train(ModelSpec spec, TableSchema schema, string outputDir, Action<string>? progress = null)
    {
        Directory.CreateDirectory(outputDir);
        var ml = new MLContext(seed: spec.Trainer.Seed);
        string[] columns = [.. ModelPipeline.InputColumns(spec).Append(spec.Label.Column).Distinct(StringComparer.Ordinal)];

        progress?.Invoke($"loading {spec.Data.Path}");
        IDataView raw = TableLoader.Load(ml, spec.Data.Path, schema, columns);
        IDataView labelled = LabelPreparation.For(ml, spec).Fit(raw).Transform(raw);
        var split = ml.Data.TrainTestSplit(labelled, spec.Split.TestFraction, seed: spec.Split.Seed);

        progress?.Invoke($"training {spec.Trainer.Name} ({spec.Task})");
        ITransformer model = ModelPipeline.For(ml, spec).Fit(split.TrainSet);

        string modelPath = Path.Combine(outputDir, ModelFileName);
        ModelFile.Save(ml, model, raw.Schema, modelPath);
        long testRows = SaveTestSet(ml, split.TestSet, Path.Combine(outputDir, TestSetFileName));
        long rows = raw.GetRowCount() ?? CountRows(raw);
        DataFingerprint data = DataFingerprint.Of(spec.Data.Path);

        var record = new TrainingRecord(
            spec.Name,
            SpecNames.Of(spec.Task),
            spec.Trainer.Name,
            new SortedDictionary<string, double>(spec.Trainer.Parameters.ToDictionary(), StringComparer.Ordinal),
            spec.Trainer.Seed,
            spec.Split.TestFraction,
            spec.Split.Seed,
            spec.Data.Path,
            data.Value,
            Fingerprint.Sha256OfFile(spec.Data.SchemaPath),
            Fingerprint.Sha256OfFile(spec.SourcePath),
            rows,
            rows - testRows,
            testRows,
            Fingerprint.Sha256OfFile(modelPath),
            MLNetVersion,
            _clock.GetUtcNow())
        {
            DataFiles = data.Files,
        };
        JsonFile.Write(Path.Combine(outputDir, RecordFileName), record);
        return record;
    }

    private static long SaveTestSet(MLContext ml, IDataView test, string path)
    {
        string temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            ml.Data.SaveAsBinary(test, stream, keepHidden: false);
        }

        File.Move(temp, path, overwrite: true);
        return CountRows(ml.Data.LoadFromBinary(path));
    }

    private static long CountRows(IDataView data)
    {
        long n = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            n++;
        }

        return n;
    }
}
