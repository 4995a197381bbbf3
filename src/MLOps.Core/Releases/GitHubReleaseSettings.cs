using MLOps.Core.Diagnostics;
using Octokit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Releases;

/// <summary>
/// The <c>github</c> section of stages.yaml: which repository gets a GitHub release for each released model version.
/// <code>
/// github:
///   repository: owner/name          # required
///   api-url: https://...            # optional: GitHub's REST API (the default) or an Enterprise server's root
///   token-env: MLOPS_GITHUB_TOKEN   # optional: the environment variable holding the token (the default)
/// </code>
/// Only this key of the root mapping is read; the stages are read elsewhere.
/// </summary>
public sealed record GitHubReleaseSettings(string Repository, Uri ApiUrl, string TokenEnv)
{
    public const string DefaultTokenEnv = "MLOPS_GITHUB_TOKEN";

    private static readonly string[] Keys = ["repository", "api-url", "token-env"];

    /// <summary>The settings in <paramref name="stagesFile"/>, or null when it has no <c>github</c> section (no GitHub release) or it is invalid (reported).</summary>
    public static GitHubReleaseSettings? Read(string stagesFile, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        YamlMappingNode? root;
        try
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(stagesFile))
            {
                yaml.Load(reader);
            }

            root = yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (Exception e) when (e is YamlException or IOException or UnauthorizedAccessException)
        {
            int line = e is YamlException y ? (int)y.Start.Line : 0;
            bag.Error(Codes.GitHubSettingsInvalid, $"The github section of '{stagesFile}' cannot be read: {e.Message} Fix the file.", stagesFile, line);
            return null;
        }

        return root is not null && root.Children.TryGetValue(new YamlScalarNode("github"), out YamlNode? section)
            ? Parse(section, stagesFile, bag)
            : null;
    }

    /// <summary>The release request for these settings, or null with MLOPS0032 (a warning) when the token variable is not set.</summary>
    public GitHubReleaseRequest? Request(string tag, string name, string body, string packagePath, Func<string, string?> environment, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(bag);
        if (environment(TokenEnv) is not { Length: > 0 } token)
        {
            bag.Warning(Codes.GitHubTokenMissing, $"stages.yaml names GitHub repository '{Repository}' but the environment variable {TokenEnv} is not set: no GitHub release for {tag}. Set {TokenEnv} to a token that may write the repository's releases (a CI secret).");
            return null;
        }

        return new GitHubReleaseRequest(Repository, ApiUrl, token, tag, name, body, packagePath);
    }

    private static GitHubReleaseSettings? Parse(YamlNode section, string file, DiagnosticBag bag)
    {
        if (section is not YamlMappingNode map)
        {
            Invalid(bag, file, section, "github must be a mapping with repository (owner/name), and optionally api-url and token-env.");
            return null;
        }

        var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        bool ok = true;
        foreach ((YamlNode key, YamlNode value) in map.Children)
        {
            string text = (key as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(text) || value is not YamlScalarNode scalar)
            {
                Invalid(bag, file, key, Keys.Contains(text)
                    ? $"github.{text} must be a single value."
                    : $"github has an unknown key '{text}'. Valid keys are {string.Join(", ", Keys)}.");
                ok = false;
                continue;
            }

            values[text] = scalar;
        }

        string repository = values.TryGetValue("repository", out YamlScalarNode? r) ? r.Value ?? "" : "";
        if (!GitHubRepositoryName.TryParse(repository, out _, out _))
        {
            Invalid(bag, file, r ?? (YamlNode)map, $"github.repository '{repository}' is not owner/name (for example contoso/models).");
            ok = false;
        }

        Uri apiUrl = GitHubClient.GitHubApiUrl;
        if (values.TryGetValue("api-url", out YamlScalarNode? u)
            && (!Uri.TryCreate(u.Value, UriKind.Absolute, out apiUrl!) || apiUrl.Scheme is not ("http" or "https")))
        {
            Invalid(bag, file, u, $"github.api-url '{u.Value}' is not an http(s) URL. Leave it out for GitHub itself, or give a GitHub Enterprise server's root.");
            ok = false;
        }

        string tokenEnv = values.TryGetValue("token-env", out YamlScalarNode? t) && t.Value is { Length: > 0 } name ? name : DefaultTokenEnv;
        return ok ? new GitHubReleaseSettings(repository, apiUrl, tokenEnv) : null;
    }

    private static void Invalid(DiagnosticBag bag, string file, YamlNode node, string message) =>
        bag.Error(Codes.GitHubSettingsInvalid, $"{message} Fix the github section of stages.yaml (docs/registry.md#github-releases).", file, (int)node.Start.Line, (int)node.Start.Column);
}
