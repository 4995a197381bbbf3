namespace MLOps.Runtime;

/// <summary>Where newer versions of a served model come from (<see cref="ModelSources"/>: a folder or a NuGet feed).</summary>
public interface IModelSource
{
    /// <summary>
    /// A model newer than <paramref name="current"/>, ready on disk to be loaded and verified, or null when there is none.
    /// Throws <see cref="ModelLoadException"/> with an MLOPS6xxx code when the source cannot be read or its package is bad.
    /// </summary>
    Task<ModelCandidate?> FindNewerAsync(ModelInfo current, CancellationToken ct);
}

/// <summary>
/// A folder holding model.zip and lineage.json to try, and what the folder cannot say about it. <see cref="Key"/> tells
/// candidates apart: the service does not retry a refused candidate until its key changes.
/// </summary>
public sealed record ModelCandidate(string Directory, ModelOrigin Origin, string Key);
