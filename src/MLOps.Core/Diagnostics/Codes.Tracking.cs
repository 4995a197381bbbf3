namespace MLOps.Core.Diagnostics;

// The run store (8001..8019): opening it, finding runs in it, recording runs from builds and the CLI.
public static partial class Codes
{
    /// <summary>The run store's connection string cannot be read: an unknown keyword, a bad URI, an empty value.</summary>
    public const string RunStoreConnectionInvalid = "MLOPS8001";

    /// <summary>The run store cannot be opened or reached: a SQLite file that cannot be created or read, a PostgreSQL server that refuses or cannot be reached.</summary>
    public const string RunStoreUnreachable = "MLOPS8002";

    /// <summary>The run store's schema is newer than this tool knows (a newer mlops migrated it): update the tool.</summary>
    public const string RunStoreSchemaTooNew = "MLOPS8003";

    /// <summary>No run has this id (or id prefix).</summary>
    public const string RunNotFound = "MLOPS8004";

    /// <summary>A run id prefix matches more than one run.</summary>
    public const string RunIdAmbiguous = "MLOPS8005";

    /// <summary>A run id (or prefix) is not 4 to 16 hex characters.</summary>
    public const string RunIdInvalid = "MLOPS8006";

    /// <summary>Writing a run to the store failed after it was opened (the server went away, the disk is full, the file is locked for too long).</summary>
    public const string RunStoreWriteFailed = "MLOPS8007";

    /// <summary>A run-tracking property has a bad value: MLOpsTrackRuns not true/false, MLOpsRunSource not build, cake, cli or sweep.</summary>
    public const string RunTrackingPropertyInvalid = "MLOPS8008";

    /// <summary>mlops runs gc --older-than is not a duration such as 30m, 6h or 2d.</summary>
    public const string RunGcAgeInvalid = "MLOPS8009";
}
