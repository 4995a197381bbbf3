namespace MLOps.Core.Diagnostics;

// Feeds: publishing over HTTP and to folders (5007..) and package signing (4010..).
public static partial class Codes
{
    /// <summary>A push to a plain http:// feed was refused: the API key would travel unencrypted.</summary>
    public const string InsecureFeedWrite = "MLOPS5007";

    /// <summary>The environment variable named to hold the feed's API key is not set (or empty).</summary>
    public const string ApiKeyVariableNotSet = "MLOPS5008";

    /// <summary>MLOpsSigningCertificate names a certificate file that does not exist (reported by the targets).</summary>
    public const string SigningCertificateNotFound = "MLOPS4010";

    /// <summary>dotnet nuget sign failed on the packed model (reported by the targets).</summary>
    public const string SigningFailed = "MLOPS4011";
}
