namespace MLOps.Core.Diagnostics;

// A dataset that is a folder of files (MLOPS1067..): the folder as a whole and its parts.
public static partial class Codes
{
    /// <summary>A part of a folder dataset has other columns (names or order) than its first part.</summary>
    public const string DataPartColumnsDiffer = "MLOPS1067";

    /// <summary>The data folder holds no data file (no file directly in it with a data extension).</summary>
    public const string DataFolderHasNoDataFiles = "MLOPS1068";

    /// <summary>The data folder holds data files of more than one extension (CSV and Parquet, say).</summary>
    public const string DataFolderMixedFormats = "MLOPS1069";
}
