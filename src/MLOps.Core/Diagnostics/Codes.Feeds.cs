namespace MLOps.Core.Diagnostics;

// Feeds: publishing over HTTP and to folders (5007..) and package signing (4010..).
public static partial class Codes
{
    /// <summary>A push to a plain http:// feed was refused: the API key would travel unencrypted.</summary>
    public const string InsecureFeedWrite = "MLOPS5007";

    /// <summary>The environment variable named to hold the feed's API key is not set (or empty).</summary>
    public const string ApiKeyVariableNotSet = "MLOPS5008";
}
