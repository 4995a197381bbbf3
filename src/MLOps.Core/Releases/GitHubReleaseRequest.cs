namespace MLOps.Core.Releases;

/// <summary>
/// One model version to release on GitHub: <paramref name="Repository"/> is owner/name, <paramref name="ApiUrl"/> the REST
/// API's base (GitHub's own, or an Enterprise server's root, where the client calls /api/v3/), <paramref name="Body"/> the
/// model card and <paramref name="PackagePath"/> the .nupkg attached to the release. The token is never printed.
/// </summary>
public sealed record GitHubReleaseRequest(string Repository, Uri ApiUrl, string Token, string Tag, string Name, string Body, string PackagePath)
{
    /// <summary>The tag of a model version's release: <c>&lt;model&gt;-v&lt;version&gt;</c> (<c>FlightDelay.Model-v1.2.0</c>).</summary>
    public static string TagFor(string model, string version) => $"{model}-v{version}";

    /// <summary>The title of a model version's release: <c>&lt;model&gt; &lt;version&gt;</c> (<c>FlightDelay.Model 1.2.0</c>).</summary>
    public static string NameFor(string model, string version) => $"{model} {version}";

    /// <summary>The record without its token, so that a log or an exception can never show it.</summary>
    public override string ToString() =>
        $"GitHubReleaseRequest {{ Repository = {Repository}, ApiUrl = {ApiUrl}, Tag = {Tag}, Name = {Name}, PackagePath = {PackagePath} }}";
}
