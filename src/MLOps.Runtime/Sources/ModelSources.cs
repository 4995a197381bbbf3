namespace MLOps.Runtime;

/// <summary>The sources a <see cref="ModelService{TInput, TOutput}"/> can take newer versions from.</summary>
public static class ModelSources
{
    /// <summary>A folder holding model.zip and lineage.json; a new version is a model.zip with another sha256.</summary>
    public static IModelSource Folder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new FolderSource(path);
    }

    /// <summary>
    /// A NuGet feed (a folder feed or an HTTP v3 URL) serving the model's package: a new version is the highest version
    /// above the served one. It is downloaded, checked (a package, of that id and version, with model content),
    /// extracted into <paramref name="cacheDirectory"/> (default: a folder under the system temp folder) and loaded from there.
    /// </summary>
    public static IModelSource Feed(string feedPathOrUrl, string packageId, bool includePrerelease = false, string? cacheDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedPathOrUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(packageId);
        // A folder feed by its full path: NuGet would resolve a relative one against whatever the current directory is.
        string feed = Uri.TryCreate(feedPathOrUrl, UriKind.Absolute, out Uri? uri) && !uri.IsFile ? feedPathOrUrl : Path.GetFullPath(uri?.LocalPath ?? feedPathOrUrl);
        return new FeedSource(feed, packageId, includePrerelease, cacheDirectory ?? Path.Combine(Path.GetTempPath(), "mlops-runtime", "packages"));
    }
}
