namespace MLOps.Runtime;

/// <summary>
/// The prediction log (docs/serving.md, "The prediction log"): which calls are recorded, and the bounds that keep it
/// from filling the disk or slowing requests.
/// </summary>
public sealed class PredictionLogOptions
{
    /// <summary>The folder of the predictions-*.jsonl files (created when missing).</summary>
    public required string Directory { get; init; }

    /// <summary>The share of predictions recorded, 0 to 1 (1: every one).</summary>
    public double SampleRate { get; init; } = 1.0;

    /// <summary>The sampler's seed: the same seed samples the same calls in the same order (tests); null: a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>A file is closed and a new one started before it would pass this size.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The most files kept: starting one more deletes the oldest.</summary>
    public int MaxFiles { get; init; } = 10;

    /// <summary>Records waiting for the writer; a record that finds the queue full is dropped and counted.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    internal void Validate()
    {
        string? problem =
            string.IsNullOrWhiteSpace(Directory) ? "Directory is empty; give the folder for the log files" :
            !(SampleRate is >= 0 and <= 1) ? $"SampleRate is {SampleRate}; give a share from 0 to 1" :
            MaxFileBytes < 1024 ? $"MaxFileBytes is {MaxFileBytes}; give at least 1024" :
            MaxFiles < 1 ? $"MaxFiles is {MaxFiles}; give at least 1" :
            QueueCapacity < 1 ? $"QueueCapacity is {QueueCapacity}; give at least 1" :
            null;
        if (problem is not null)
        {
            throw new ModelLoadException(RuntimeCodes.OptionsInvalid, $"PredictionLogOptions.{problem}.");
        }
    }
}
