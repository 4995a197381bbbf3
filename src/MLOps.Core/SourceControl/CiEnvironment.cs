namespace MLOps.Core.SourceControl;

/// <summary>
/// Who runs the build and where: a CI system (GitHub Actions, Azure Pipelines, or any CI that sets CI=true) or a
/// person's machine. Versions (a pre-release suffix outside CI or off the release branch), lineage and the release
/// history read it. The environment is passed in, so tests describe a CI agent without being one.
/// </summary>
public sealed record CiEnvironment(string? System, string Identity, string? Branch, string? RunUrl)
{
    /// <summary>True on a CI agent.</summary>
    public bool IsCi => System is not null;

    /// <summary>Reads the current process's environment; outside CI the identity is git's user.name, else the OS user.</summary>
    public static CiEnvironment Current(string workingDirectory, IProcessRunner? runner = null) =>
        Detect(Environment.GetEnvironmentVariable, () => LocalIdentity(workingDirectory, runner ?? new ProcessRunner()));

    /// <summary>Reads a CI description from <paramref name="variable"/>; <paramref name="localIdentity"/> names the user outside CI.</summary>
    public static CiEnvironment Detect(Func<string, string?> variable, Func<string> localIdentity)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(localIdentity);
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value : null;

        if (string.Equals(Get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            string? url = Get("GITHUB_SERVER_URL") is { } server && Get("GITHUB_REPOSITORY") is { } repository && Get("GITHUB_RUN_ID") is { } run
                ? $"{server}/{repository}/actions/runs/{run}"
                : null;
            // On a pull request GITHUB_REF_NAME is "<n>/merge"; the branch is the head ref.
            string? branch = Get("GITHUB_HEAD_REF") ?? Get("GITHUB_REF_NAME");
            return new CiEnvironment("github-actions", $"github-actions ({Get("GITHUB_ACTOR") ?? "unknown actor"})", branch, url);
        }

        if (string.Equals(Get("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
        {
            string? url = Get("SYSTEM_COLLECTIONURI") is { } collection && Get("SYSTEM_TEAMPROJECT") is { } project && Get("BUILD_BUILDID") is { } build
                ? $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={build}"
                : null;
            string? branch = (Get("SYSTEM_PULLREQUEST_SOURCEBRANCH") ?? Get("BUILD_SOURCEBRANCH")) is { } reference
                ? StripRefsHeads(reference)
                : null;
            return new CiEnvironment("azure-pipelines", $"azure-pipelines ({Get("BUILD_REQUESTEDFOR") ?? "unknown requester"})", branch, url);
        }

        if (string.Equals(Get("CI"), "true", StringComparison.OrdinalIgnoreCase))
            return new CiEnvironment("ci", $"ci ({Get("USER") ?? Get("USERNAME") ?? "unknown user"})", null, null);

        return new CiEnvironment(null, localIdentity(), null, null);
    }

    private static string StripRefsHeads(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;

    private static string LocalIdentity(string workingDirectory, IProcessRunner runner) =>
        runner.Run("git", "config user.name", workingDirectory) is (0, var name) && name.Trim().Length > 0
            ? name.Trim()
            : Environment.UserName;
}
