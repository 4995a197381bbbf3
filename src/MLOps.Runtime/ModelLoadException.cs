namespace MLOps.Runtime;

/// <summary>
/// A packaged model could not be loaded: its files are missing, or the model file is not the one its
/// lineage describes. <see cref="Code"/> is the MLOPS6xxx code documented in docs/diagnostics.md.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string code, string message)
        : base($"{code}: {message}") => Code = code;

    public string Code { get; }
}
