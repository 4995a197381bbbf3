using System.Reflection;
using Microsoft.ML;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Training;

/// <summary>
/// Trains one model from its spec: loads the validated data, prepares the label, splits it (<see cref="DataSplitter"/>:
/// random and seeded, by time, or a separate test file), fits the pipeline (seeded MLContext) and writes model.zip,
/// test.idv (the held-out rows, for the evaluate step), validation.idv (when the split has one) and training.json
/// into <c>outputDir</c>. A split with no rows is a <see cref="TrainingDataException"/> (MLOPS2007).
/// </summary>
public sealed class ModelTrainer
{
    public const string ModelFileName = ModelFiles.ModelFile;
    public const string TestSetFileName = "test.idv";

    /// <summary>The validation rows (early stopping, sweeps), written only when the split has a validation split.</summary>
    public const string ValidationSetFileName = "validation.idv";
    public const string RecordFileName = "training.json";

    private readonly TimeProvider _clock;

    public ModelTrainer(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    public static string MLNetVersion { get; } =
        typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public TrainingRecord Train(ModelSpec spec, TableSchema schema, string outputDir, Action<string>? progress = null)
    {
        Directory.CreateDirectory(outputDir);
        var ml = new MLContext(seed: spec.Trainer.Seed);
        string[] modelColumns = [.. ModelPipeline.InputColumns(spec).Append(spec.Label.Column).Distinct(StringComparer.Ordinal)];
        // A time split reads its column even when no feature does; the saved model's input schema leaves it out.
        string? extra = spec.Split.By is { } by && Array.IndexOf(modelColumns, by) < 0 ? by : null;
        string[] columns = extra is null ? modelColumns : [.. modelColumns, extra];

        progress?.Invoke($"loading {spec.Data.Path}");
        IDataView raw = TableLoader.Load(ml, spec.Data.Path, schema, columns);
        ITransformer labeller = LabelPreparation.For(ml, spec).Fit(raw);
        IDataView? testData = null;
        if (spec.Split.TestData is { } testPath)
        {
            progress?.Invoke($"loading test data {testPath}");
            testData = labeller.Transform(TableLoader.Load(ml, testPath, schema, columns));
        }

        SplitSets sets = DataSplitter.Split(ml, spec.Split, labeller.Transform(raw), testData);
        long? validationRows = sets.Validation is null ? null : CountRows(sets.Validation);
        RequireRows(spec, "validation", validationRows);
        long trainRows = spec.Split.Kind == SplitKind.Random && !spec.Split.HasValidation ? -1 : CountRows(sets.Train);
        RequireRows(spec, "train", trainRows);

        progress?.Invoke($"training {spec.Trainer.Name} ({spec.Task})");
        ITransformer model = ModelFitter.Fit(ml, spec, sets);

        string modelPath = Path.Combine(outputDir, ModelFileName);
        DataViewSchema inputSchema = extra is null ? raw.Schema : ml.Transforms.DropColumns(extra).Fit(raw).Transform(raw).Schema;
        ModelFile.Save(ml, model, inputSchema, modelPath);
        long testRows = SaveSet(ml, sets.Test, Path.Combine(outputDir, TestSetFileName));
        RequireRows(spec, "test", testRows);
        SaveValidationSet(ml, sets.Validation, Path.Combine(outputDir, ValidationSetFileName));
        long rows = raw.GetRowCount() ?? CountRows(raw);
        trainRows = trainRows >= 0 ? trainRows : rows - testRows;
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
            trainRows,
            testRows,
            Fingerprint.Sha256OfFile(modelPath),
            MLNetVersion,
            _clock.GetUtcNow())
        {
            DataFiles = data.Files,
            Split = SplitRecord.Of(spec.Split, new SplitRows(trainRows, testRows, validationRows)),
        };
        JsonFile.Write(Path.Combine(outputDir, RecordFileName), record);
        return record;
    }

    private static void RequireRows(ModelSpec spec, string split, long? rows)
    {
        if (rows == 0)
        {
            throw new TrainingDataException(Codes.SplitEmpty, $"The {split} split has no rows ({SplitRecord.Describe(spec.Split)}). "
                + (spec.Split.Kind == SplitKind.Time ? "Move test-from/validation-from inside the data's time range." : "Use more data or larger fractions."));
        }
    }

    // No validation split: a stale validation.idv from an earlier spec must not be evaluated as this model's.
    private static void SaveValidationSet(MLContext ml, IDataView? validation, string path)
    {
        if (validation is not null)
        {
            SaveSet(ml, validation, path);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static long SaveSet(MLContext ml, IDataView rows, string path)
    {
        string temp = TextFile.TempPath(path);
        using (var stream = File.Create(temp))
        {
            ml.Data.SaveAsBinary(rows, stream, keepHidden: false);
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
