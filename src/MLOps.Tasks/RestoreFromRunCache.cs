using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Training;
using MLOps.Core.Versioning;

namespace MLOps.Tasks;

/// <summary>
/// Restores the train step's outputs (model.zip, training.json, test.idv) from the run cache when an entry
/// for the inputs' key exists and passes its hash check; an entry that fails it is deleted (MLOPS2003).
/// In-process: it copies and hashes files, it does not load ML.NET.
/// </summary>
public sealed class RestoreFromRunCache : MLOpsTask
{
    public static readonly string[] Files = [ModelTrainer.ModelFileName, ModelTrainer.RecordFileName, ModelTrainer.TestSetFileName];

    /// <summary>Outputs only some splits have: restored when the entry holds them.</summary>
    public static readonly string[] OptionalFiles = [ModelTrainer.ValidationSetFileName];

    [Required]
    public string ModelName { get; set; } = "";

    /// <summary>The run cache folder; empty: no run cache.</summary>
    public string CacheDirectory { get; set; } = "";

    /// <summary>Where HashInputs wrote the input stamps; the key is computed from them.</summary>
    [Required]
    public string StampDirectory { get; set; } = "";

    [Required]
    public string DataFile { get; set; } = "";

    [Required]
    public string OutputDirectory { get; set; } = "";

    [Output]
    public bool Restored { get; private set; }

    /// <summary>The run that trained the restored model (from the cache entry); empty when not restored or not tracked then.</summary>
    [Output]
    public string TrainedByRun { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (CacheDirectory.Length == 0 || InputStamps.Read(StampDirectory, bag) is not { } inputs)
        {
            return;
        }

        string key = inputs.RunCacheKey;
        Directory.CreateDirectory(OutputDirectory);
        if (new RunCache(CacheDirectory).TryRestore(key, Files, OutputDirectory, bag, OptionalFiles) is not { } manifest)
        {
            return;
        }

        // The same bytes may have been trained from another folder (a shared cache): the record names this one's data.
        string recordFile = Path.Combine(OutputDirectory, ModelTrainer.RecordFileName);
        if (IntermediateFile.Read<TrainingRecord>(recordFile, bag) is not { } record)
        {
            return;
        }

        JsonFile.Write(recordFile, record with { DataPath = Path.GetFullPath(DataFile) });
        Restored = true;
        TrainedByRun = manifest.RunId ?? "";
        Progress($"{ModelName}: restored from run cache {key} (trained {manifest.TrainedAtUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
    }
}
