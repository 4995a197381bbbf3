using System.IO.Compression;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;

namespace MLOps.Core.Releases;

/// <summary>
/// The last step of a release: when stages.yaml has a <c>github</c> section, the version the last stage (production)
/// serves gets its GitHub release: tag <c>&lt;model&gt;-v&lt;version&gt;</c>, the package's model card as the body (its
/// version decision and its comparison with the champion it replaced), the exact .nupkg the stage serves as the asset.
/// It runs on every release, not only when a copy happened: GitHub releases are idempotent, so a release that failed
/// once (network, token) is made by the next run, and a rollback finds its release already there.
/// </summary>
public static class GitHubReleaseStep
{
    private const string ModelCardEntry = "README.md";

    public static async Task RunAsync(ModelRelease model, StageSyncResult result, StageFeeds feeds, Func<string, string?> environment,
        Action<string> log, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(feeds);
        Stage last = model.Stages.Stages[^1];
        if (model.Stages.File is null || bag.HasErrors || result.States.FirstOrDefault(s => s.Stage == last.Name)?.Serves is not { } version
            || GitHubReleaseSettings.Read(model.Stages.File, bag) is not { } settings)
        {
            return;
        }

        byte[]? nupkg = result.CopiedTo(last.Name) is { Version: var copied, Nupkg: { } bytes } && copied == version
            ? bytes
            : feeds.Open(last, bag) is { } feed ? await feed.DownloadBytesAsync(model.PackageId, version, bag, cancellationToken).ConfigureAwait(false) : null;
        if (nupkg is null)
            return;

        string normalized = version.ToNormalizedString();
        string folder = Path.Combine(Path.GetTempPath(), "mlops-release-" + Guid.NewGuid().ToString("N"));
        string package = Path.Combine(folder, $"{model.PackageId}.{normalized}.nupkg".ToLowerInvariant());
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(package, nupkg, cancellationToken).ConfigureAwait(false);
            if (settings.Request(GitHubReleaseRequest.TagFor(model.Model, normalized), GitHubReleaseRequest.NameFor(model.Model, normalized),
                    ModelCard(nupkg) ?? $"{model.PackageId} {normalized}", package, environment, bag) is { } request)
            {
                await new GitHubReleases(log).PublishAsync(request, bag, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? ModelCard(byte[] nupkg)
    {
        using var zip = new ZipArchive(new MemoryStream(nupkg), ZipArchiveMode.Read);
        if (zip.GetEntry(ModelCardEntry) is not { } entry)
            return null;
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
