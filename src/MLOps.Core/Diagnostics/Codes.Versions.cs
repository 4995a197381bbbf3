namespace MLOps.Core.Diagnostics;

// Versions that mean something: the pre-release properties (0023..) and the contracts versions are decided by (4005..).
public static partial class Codes
{
    /// <summary>MLOpsPrerelease is not auto, true or false.</summary>
    public const string InvalidPrereleaseMode = "MLOPS0023";

    /// <summary>MLOpsPrereleaseLabel is not a SemVer pre-release identifier (letters, digits and '-', not only digits).</summary>
    public const string InvalidPrereleaseLabel = "MLOPS0024";

    /// <summary>The latest version's contract.json in the feed cannot be read: the version is decided as MAJOR.</summary>
    public const string PackageContractUnreadable = "MLOPS4005";
}
