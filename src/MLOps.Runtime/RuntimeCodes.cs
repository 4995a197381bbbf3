namespace MLOps.Runtime;

/// <summary>The runtime's diagnostic codes (6xxx), carried by <see cref="ModelLoadException"/> and <see cref="ReloadResult"/>, and listed in docs/diagnostics.md.</summary>
public static class RuntimeCodes
{
    /// <summary>model.zip or lineage.json is missing from the model folder.</summary>
    public const string ModelFilesMissing = "MLOPS6001";

    /// <summary>The model file's sha256 differs from the one its lineage records (corrupt or swapped).</summary>
    public const string ModelHashMismatch = "MLOPS6002";

    /// <summary>lineage.json is not valid JSON or lacks model_sha256.</summary>
    public const string LineageInvalid = "MLOPS6003";

    /// <summary>A multiclass prediction type was used with a model whose classes are missing or of another label type.</summary>
    public const string ClassesMismatch = "MLOPS6004";

    /// <summary>A model source (folder or feed) could not be read: missing folder, feed unreachable or refusing.</summary>
    public const string SourceUnreachable = "MLOPS6005";

    /// <summary>A package from the feed has no model content (contentFiles/any/any/mlops/&lt;Name&gt;/ with model.zip and lineage.json).</summary>
    public const string PackageWithoutModel = "MLOPS6006";

    /// <summary>A downloaded package is not a valid package, or not the id and version asked for.</summary>
    public const string PackageInvalid = "MLOPS6007";

    /// <summary>The prediction log folder cannot be created or written.</summary>
    public const string LogFolderUnusable = "MLOPS6008";

    /// <summary>A reload's candidate is another model (its lineage's package id is not the served model's).</summary>
    public const string ModelNameMismatch = "MLOPS6009";

    /// <summary>The prediction log writer failed while running (disk full, folder removed); records since are counted as dropped.</summary>
    public const string LogWriteFailed = "MLOPS6010";

    /// <summary>ModelServiceOptions or PredictionLogOptions hold a value out of range.</summary>
    public const string OptionsInvalid = "MLOPS6011";

    /// <summary>model.zip matches its lineage but ML.NET cannot load it.</summary>
    public const string ModelUnreadable = "MLOPS6012";
}
