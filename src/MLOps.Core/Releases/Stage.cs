namespace MLOps.Core.Releases;

/// <summary>
/// One stage of stages.yaml: its name, its feed (a folder, already made absolute against the stages file's
/// folder, or an http(s) v3 service index URL), the environment variable that holds its API key, and whether
/// it takes signed packages only, and whether a plain http:// feed may be written (the key would travel unencrypted).
/// </summary>
public sealed record Stage(string Name, string Feed, string? ApiKeyEnv = null, bool RequireSigned = false, bool AllowInsecureConnections = false)
{
    /// <summary>True when the feed is an http(s) URL rather than a folder.</summary>
    public bool IsHttp => Uri.TryCreate(Feed, UriKind.Absolute, out Uri? uri) && !uri.IsFile;

    /// <summary>The API key from <see cref="ApiKeyEnv"/>; null when none is configured or the variable is empty. Never print it.</summary>
    public string? ApiKey(Func<string, string?>? variable = null) =>
        ApiKeyEnv is null ? null : (variable ?? Environment.GetEnvironmentVariable)(ApiKeyEnv) is { Length: > 0 } key ? key : null;
}
