using System.Globalization;
using MLOps.Core.Diagnostics;
using Octokit;

namespace MLOps.Core.Releases;

/// <summary>The failures of a GitHub API call, as diagnostics that name the repository and what to do (never the token).</summary>
internal static class GitHubErrors
{
    public static bool IsExpected(Exception e) => e is ApiException or HttpRequestException or TaskCanceledException or IOException;

    public static void Report(Exception e, GitHubReleaseRequest request, DiagnosticBag bag)
    {
        string repository = request.Repository;
        (string code, string message) = e switch
        {
            RateLimitExceededException limit => (Codes.GitHubRateLimited,
                $"GitHub's API rate limit for this token is used up ({limit.Limit} requests an hour) while releasing {request.Tag} to '{repository}'; it resets at {limit.Reset.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}. Run the Release target again after that; nothing was changed."),
            SecondaryRateLimitExceededException => (Codes.GitHubRateLimited,
                $"GitHub's secondary rate limit stopped the release of {request.Tag} to '{repository}' (too many requests at once). Wait a few minutes and run the Release target again."),
            AuthorizationException => (Codes.GitHubAuthenticationFailed,
                $"GitHub refused the token for '{repository}' (401 {Answer(e)}). Set the token environment variable (github.token-env in stages.yaml, default MLOPS_GITHUB_TOKEN) to a valid token."),
            ForbiddenException => (Codes.GitHubAuthenticationFailed,
                $"GitHub forbade releasing {request.Tag} to '{repository}' (403 {Answer(e)}). Give the token write access to the repository's contents (releases)."),
            NotFoundException => (Codes.GitHubRepositoryNotFound,
                $"GitHub has no repository '{repository}' at {request.ApiUrl} that this token can see (404). Check github.repository (owner/name) and github.api-url in stages.yaml, and that the token may access the repository."),
            ApiException api => (Codes.GitHubUnavailable,
                $"GitHub answered {(int)api.StatusCode} {Answer(e)} while releasing {request.Tag} to '{repository}'. Check the message, then run the Release target again."),
            _ => (Codes.GitHubUnavailable,
                $"GitHub at {request.ApiUrl} could not be reached while releasing {request.Tag} to '{repository}' ({e.Message}). Check the network and github.api-url in stages.yaml, then run the Release target again."),
        };
        bag.Error(code, Redact(message, request.Token));
    }

    private static string Answer(Exception e) =>
        e is ApiException { ApiError.Message: { Length: > 0 } text } ? $"\"{text}\"" : ((ApiException)e).StatusCode.ToString();

    /// <summary>Belt and braces: no message ever shows the token, even if an answer quoted it.</summary>
    private static string Redact(string text, string token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, "***", StringComparison.Ordinal);
}
