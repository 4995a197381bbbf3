using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Training;
using MLOps.Core.Versioning;

namespace MLOps.Tasks;

/// <summary>Stores the train step's fresh outputs in the run cache under the key of its inputs (read back from training.json).</summary>
public sealed class StoreInRunCache : MLOpsTask
{
    /// <summary>The run cache folder; empty: no run cache.</summary>
    public string CacheDirectory { get; set; } = "";

    /// <summary>Where HashInputs wrote this build's input stamps.</summary>
    [Required]
    public string StampDirectory { get; set; } = "";

    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The run that trained these outputs (StartRun's RunId); empty when runs are not tracked.</summary>
    public string RunId { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (CacheDirectory.Length == 0 || InputStamps.Read(StampDirectory, bag) is not { } stamped
            || IntermediateFile.Read<TrainingRecord>(Path.Combine(OutputDirectory, ModelTrainer.RecordFileName), bag) is not { } record)
        {
            return;
        }

        var inputs = stamped with { DataFingerprint = record.DataFingerprint, SpecSha256 = record.SpecSha256, SchemaSha256 = record.SchemaSha256 };
        if (inputs != stamped)
        {
            // An input changed while training ran: this model does not belong to the key of the build's inputs.
            Log.LogMessage(MessageImportance.Normal, $"{record.ModelName}: not stored in the run cache, the inputs changed during training.");
            return;
        }

        if (new RunCache(CacheDirectory).Store(inputs, record.ModelName, record.TrainedAtUtc, RestoreFromRunCache.Files, OutputDirectory, bag, RunId.Length > 0 ? RunId : null, RestoreFromRunCache.OptionalFiles))
        {
            Log.LogMessage(MessageImportance.Normal, $"{record.ModelName}: stored in run cache {inputs.RunCacheKey}");
        }
    }
}
