using MLOps.Core.Diagnostics;
using Octokit;

namespace MLOps.Core.Releases;

/// <summary>
/// Makes the GitHub release of one model version through the REST API (Octokit): the tag <c>&lt;model&gt;-v&lt;version&gt;</c>,
/// the model card as its body and the .nupkg as its asset. Idempotent: a release with the tag and the asset is left as it
/// is (and said so), a release without the asset gets it. Failures become MLOPS5025-5028 diagnostics; the token is never
/// shown. <paramref name="log"/> receives what was done, one line each.
/// </summary>
public sealed class GitHubReleases(Action<string>? log = null)
{
    private const string AssetContentType = "application/octet-stream";
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(10);

    public async Task<bool> PublishAsync(GitHubReleaseRequest request, DiagnosticBag bag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bag);
        if (!Check(request, bag, out string owner, out string name))
        {
            return false;
        }

        var client = new GitHubClient(new ProductHeaderValue("MLOps"), request.ApiUrl) { Credentials = new Credentials(request.Token) };
        string asset = Path.GetFileName(request.PackagePath);
        try
        {
            Release? release = await Find(client, owner, name, request.Tag).ConfigureAwait(false);
            if (release is null)
            {
                ct.ThrowIfCancellationRequested();
                release = await client.Repository.Release.Create(owner, name, new NewRelease(request.Tag) { Name = request.Name, Body = request.Body })
                    .ConfigureAwait(false);
                Log($"{request.Repository}: created release {request.Tag} ({release.HtmlUrl})");
            }
            else if (release.Assets.Any(a => string.Equals(a.Name, asset, StringComparison.Ordinal)))
            {
                Log($"{request.Repository}: release {request.Tag} already has {asset}; nothing to do");
                return true;
            }

            var stream = File.OpenRead(request.PackagePath);
            await using (stream.ConfigureAwait(false))
            {
                await client.Repository.Release.UploadAsset(release, new ReleaseAssetUpload(asset, AssetContentType, stream, UploadTimeout), ct)
                    .ConfigureAwait(false);
            }

            Log($"{request.Repository}: attached {asset} to release {request.Tag}");
            return true;
        }
        catch (Exception e) when (GitHubErrors.IsExpected(e) && !ct.IsCancellationRequested)
        {
            GitHubErrors.Report(e, request, bag);
            return false;
        }
    }

    /// <summary>The release with the tag, or null when GitHub answers 404 (no such release yet, or no such repository: creating it tells).</summary>
    private static async Task<Release?> Find(GitHubClient client, string owner, string name, string tag)
    {
        try
        {
            return await client.Repository.Release.Get(owner, name, tag).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static bool Check(GitHubReleaseRequest request, DiagnosticBag bag, out string owner, out string name)
    {
        bool ok = true;
        if (!GitHubRepositoryName.TryParse(request.Repository, out owner, out name))
        {
            bag.Error(Codes.GitHubSettingsInvalid, $"GitHub repository '{request.Repository}' is not owner/name. Set github.repository in stages.yaml to the repository that gets the releases, for example contoso/models.");
            ok = false;
        }

        if (string.IsNullOrEmpty(request.Token))
        {
            bag.Error(Codes.GitHubTokenMissing, $"No token for GitHub repository '{request.Repository}'. Set the environment variable named by github.token-env in stages.yaml (default MLOPS_GITHUB_TOKEN) to a token that may write its releases.");
            ok = false;
        }

        if (!File.Exists(request.PackagePath))
        {
            bag.Error(Codes.PackageFileNotFound, $"The package '{request.PackagePath}' to attach to GitHub release {request.Tag} does not exist. Pack the model first.", request.PackagePath);
            ok = false;
        }

        return ok;
    }

    private void Log(string line) => log?.Invoke(line);
}
