namespace MLOps.Runtime;

/// <summary>
/// A model could not be loaded or served: its files are missing, the model file is not the one its lineage describes,
/// its source or package is bad, or the options are. <see cref="Code"/> is the MLOPS6xxx code documented in
/// docs/diagnostics.md.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string code, string message)
        : base($"{code}: {message}") => Code = code;

    public ModelLoadException(string code, string message, Exception inner)
        : base($"{code}: {message}", inner) => Code = code;

    public string Code { get; }
}
