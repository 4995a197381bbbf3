namespace MLOps.Core.Diagnostics;

// Versioning (4001..) and the registry: the feed and publishing to it (5001..).
public static partial class Codes
{
    /// <summary>The explicitly requested package version is not a valid SemVer 2.0 version.</summary>
    public const string InvalidRequestedVersion = "MLOPS4001";

    /// <summary>The explicitly requested version is lower than the latest stable version in the feed.</summary>
    public const string RequestedVersionBelowLatest = "MLOPS4002";

    /// <summary>The same id and version is already in the feed with a different model: publishing is refused.</summary>
    public const string VersionAlreadyPublished = "MLOPS5001";

    /// <summary>The package file to publish does not exist.</summary>
    public const string PackageFileNotFound = "MLOPS5002";

    /// <summary>The package file to publish is not a valid nupkg (its id and version cannot be read).</summary>
    public const string InvalidPackageFile = "MLOPS5003";

    /// <summary>The feed cannot be reached, read or written (missing rights, network, bad source).</summary>
    public const string FeedUnavailable = "MLOPS5004";

    /// <summary>The feed rejected or failed the push of a package; nothing was left behind in a folder feed.</summary>
    public const string PushFailed = "MLOPS5005";

    /// <summary>A package's lineage.json is not a JSON object with a model_sha256 string.</summary>
    public const string InvalidPackageLineage = "MLOPS5006";
}
