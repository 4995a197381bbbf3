using System.Text.RegularExpressions;

namespace MLOps.Core.Releases;

/// <summary>A GitHub repository as owner/name, the form stages.yaml and the REST API's paths use.</summary>
internal static partial class GitHubRepositoryName
{
    public static bool TryParse(string? text, out string owner, out string name)
    {
        Match match = Pattern().Match(text ?? "");
        owner = match.Success ? match.Groups[1].Value : "";
        name = match.Success ? match.Groups[2].Value : "";
        return match.Success;
    }

    [GeneratedRegex(@"^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})$")]
    private static partial Regex Pattern();
}
