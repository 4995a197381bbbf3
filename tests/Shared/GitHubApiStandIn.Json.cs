using System.Text.Json.Nodes;

namespace MLOps.Tests.Shared;

/// <summary>The JSON bodies of the GitHub REST API's release, asset and error answers, with the fields GitHub documents.</summary>
internal static class GitHubJson
{
    private const string Time = "2026-12-01T10:00:00Z";

    public static string Error(string message, string documentationUrl, int status) =>
        new JsonObject { ["message"] = message, ["documentation_url"] = documentationUrl, ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) }.ToJsonString();

    public static string AlreadyExists() =>
        new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Release", ["code"] = "already_exists", ["field"] = "tag_name" }),
            ["documentation_url"] = "https://docs.github.com/rest/releases/releases#create-a-release",
            ["status"] = "422",
        }.ToJsonString();

    public static string Release(GitHubApiStandIn server, StandInRelease release) => ReleaseObject(server, release).ToJsonString();

    public static string Asset(GitHubApiStandIn server, StandInAsset asset) => AssetObject(server, asset).ToJsonString();

    private static JsonObject ReleaseObject(GitHubApiStandIn server, StandInRelease release)
    {
        string web = $"{server.BaseUrl}{server.Repository}";
        var assets = new JsonArray();
        foreach (StandInAsset asset in release.Assets)
            assets.Add(AssetObject(server, asset));
        return new JsonObject
        {
            ["url"] = server.ApiUrl($"releases/{release.Id}"),
            ["html_url"] = $"{web}/releases/tag/{release.TagName}",
            ["assets_url"] = server.ApiUrl($"releases/{release.Id}/assets"),
            ["upload_url"] = server.UploadUrl(release.Id),
            ["tarball_url"] = server.ApiUrl($"tarball/{release.TagName}"),
            ["zipball_url"] = server.ApiUrl($"zipball/{release.TagName}"),
            ["id"] = release.Id,
            ["node_id"] = $"RE_{release.Id}",
            ["tag_name"] = release.TagName,
            ["target_commitish"] = "main",
            ["name"] = release.Name,
            ["body"] = release.Body,
            ["draft"] = false,
            ["prerelease"] = false,
            ["created_at"] = Time,
            ["published_at"] = Time,
            ["author"] = User(server),
            ["assets"] = assets,
        };
    }

    private static JsonObject AssetObject(GitHubApiStandIn server, StandInAsset asset) => new()
    {
        ["url"] = server.ApiUrl($"releases/assets/{asset.Id}"),
        ["browser_download_url"] = $"{server.BaseUrl}{server.Repository}/releases/download/{asset.Name}",
        ["id"] = asset.Id,
        ["node_id"] = $"RA_{asset.Id}",
        ["name"] = asset.Name,
        ["label"] = "",
        ["state"] = "uploaded",
        ["content_type"] = asset.ContentType,
        ["size"] = asset.Bytes.Length,
        ["download_count"] = 0,
        ["created_at"] = Time,
        ["updated_at"] = Time,
        ["uploader"] = User(server),
    };

    private static JsonObject User(GitHubApiStandIn server) => new()
    {
        ["login"] = "mlops-ci",
        ["id"] = 1,
        ["node_id"] = "U_1",
        ["url"] = $"{server.BaseUrl}api/v3/users/mlops-ci",
        ["html_url"] = $"{server.BaseUrl}mlops-ci",
        ["type"] = "User",
        ["site_admin"] = false,
    };
}
