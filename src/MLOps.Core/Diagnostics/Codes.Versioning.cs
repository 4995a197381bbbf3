namespace MLOps.Core.Diagnostics;

// Data versioning: the run cache of the train step (2003..) and the lock file and input hashes (4003..).
public static partial class Codes
{
    /// <summary>A run cache entry's files do not match the sha256 in its manifest (or it has none): it is deleted and the model trained.</summary>
    public const string RunCacheEntryCorrupt = "MLOPS2003";

    /// <summary>A trained model could not be stored in the run cache (disk full, no rights); the build goes on.</summary>
    public const string RunCacheStoreFailed = "MLOPS2004";

    /// <summary>A run cache entry could not be copied into obj/ (I/O error); the model is trained instead.</summary>
    public const string RunCacheRestoreFailed = "MLOPS2005";

    /// <summary>model.lock.json could not be written beside the spec (read-only folder, I/O error).</summary>
    public const string LockFileNotWritten = "MLOPS4003";

    /// <summary>An input of the model (data, spec, schema, training code) could not be read to hash it.</summary>
    public const string InputNotHashed = "MLOPS4004";
}
