namespace MLOps.Runtime;

/// <summary>
/// What the prediction log has done since the service started. Every prediction is in exactly one count once the
/// writer has caught up: written, dropped (queue full, or a write failed) or sampled out.
/// </summary>
/// <param name="Written">Records written to a file.</param>
/// <param name="Dropped">Records lost: the queue was full or the writer failed (<see cref="Error"/>). Never silent: also in the file as "dropped" lines.</param>
/// <param name="SampledOut">Predictions the sampler did not pick.</param>
/// <param name="Files">The log files in the folder now.</param>
/// <param name="Directory">The log folder.</param>
/// <param name="Error">The writer's last failure (MLOPS6010 and why), or null.</param>
public sealed record PredictionLogStatus(long Written, long Dropped, long SampledOut, int Files, string Directory, string? Error);
