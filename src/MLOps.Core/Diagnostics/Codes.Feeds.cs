namespace MLOps.Core.Diagnostics;

// Feeds: publishing over HTTP and to folders (5007..) and package signing (4010..).
public static partial class Codes
{
    /// <summary>A push to a plain http:// feed was refused: the API key would travel unencrypted.</summary>
    public const string InsecureFeedWrite = "MLOPS5007";
}
