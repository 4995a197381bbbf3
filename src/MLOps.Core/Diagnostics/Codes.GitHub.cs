namespace MLOps.Core.Diagnostics;

// GitHub releases and CI: the stages.yaml `github` section (0031..) and the GitHub REST API's answers (5025..).
public static partial class Codes
{
    /// <summary>The `github` section of stages.yaml (or a release request) is not valid: repository not owner/name, api-url not an http(s) URL, an unknown key.</summary>
    public const string GitHubSettingsInvalid = "MLOPS0031";

    /// <summary>A GitHub repository is configured but the environment variable that holds its token is not set: no GitHub release is made.</summary>
    public const string GitHubTokenMissing = "MLOPS0032";

    /// <summary>The build script was given an argument it does not know (a pipeline passing an option that does not exist).</summary>
    public const string UnknownBuildArgument = "MLOPS0033";

    /// <summary>GitHub refused the token (401 Bad credentials, or 403: the token may not write releases to the repository).</summary>
    public const string GitHubAuthenticationFailed = "MLOPS5025";

    /// <summary>GitHub answered 404 for the repository: it does not exist, or the token cannot see it.</summary>
    public const string GitHubRepositoryNotFound = "MLOPS5026";

    /// <summary>GitHub's API rate limit for the token is used up; nothing was changed.</summary>
    public const string GitHubRateLimited = "MLOPS5027";

    /// <summary>The GitHub API could not be reached or answered with an error other than the above (network, 5xx, 422).</summary>
    public const string GitHubUnavailable = "MLOPS5028";
}
