using MLOps.Core.Diagnostics;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace MLOps.Core.Registry;

/// <summary>
/// A NuGet feed used as the model registry: a local folder in NuGet's v3 layout (the default,
/// artifacts/feed) or an HTTP v3 feed. Everything goes through NuGet.Protocol, so a folder feed is the
/// same one <c>dotnet nuget push -s &lt;folder&gt;</c> writes, and an HTTP feed needs no other code.
/// Problems are reported to a <see cref="DiagnosticBag"/>, never thrown.
/// </summary>
public sealed partial class ModelFeed
{
    // Never printed, logged or put in a message: it only goes into the X-NuGet-ApiKey header of a push.
    private readonly string? _apiKey;

    private ModelFeed(string source, string? localFolder, string? apiKey, bool allowInsecureConnections)
    {
        Source = source;
        LocalFolder = localFolder;
        _apiKey = apiKey;
        AllowInsecureConnections = allowInsecureConnections;
    }

    /// <summary>The feed's source: a full folder path or an http(s) service index URL.</summary>
    public string Source { get; }

    /// <summary>The feed's folder when it is a local folder feed; null for an HTTP feed.</summary>
    public string? LocalFolder { get; }

    /// <summary>
    /// Whether writing to a plain http:// feed is allowed (NuGet's allowInsecureConnections): without it a
    /// push is refused (MLOPS5007), because the API key would cross the network unencrypted.
    /// </summary>
    public bool AllowInsecureConnections { get; }

    /// <summary>
    /// Opens a feed by folder path (relative to <paramref name="baseDirectory"/>, default the current
    /// directory; created when missing) or http(s) URL. Returns null and reports MLOPS5004 when it cannot.
    /// </summary>
    public static ModelFeed? Open(string source, DiagnosticBag bag, string? baseDirectory = null, string? apiKey = null, bool allowInsecureConnections = false)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            bag.Error(Codes.FeedUnavailable, "No feed source was given. Expected a folder path or an http(s) NuGet v3 feed URL.");
            return null;
        }

        if (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && !uri.IsFile)
        {
            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                return new ModelFeed(source, localFolder: null, apiKey, allowInsecureConnections);
            bag.Error(Codes.FeedUnavailable, $"Feed source '{source}' uses the unsupported scheme '{uri.Scheme}'. Expected a folder path or an http(s) NuGet v3 feed URL.");
            return null;
        }

        string folder = uri is not null ? uri.LocalPath : Path.GetFullPath(source, baseDirectory ?? Directory.GetCurrentDirectory());
        try
        {
            // NuGet treats a missing folder as a v2 (flat) feed when pushing; creating it first gives
            // the v3 layout (<id>/<version>/...) that restore and dotnet nuget push use.
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            bag.Error(Codes.FeedUnavailable, $"Feed folder '{folder}' cannot be created: {e.Message} Check the path and its permissions.");
            return null;
        }

        return new ModelFeed(folder, folder, apiKey, allowInsecureConnections);
    }

    /// <summary>
    /// Runs one feed operation against a fresh repository and cache context: NuGet caches resources and
    /// version lists in memory, and a registry must see a version the moment it is pushed.
    /// Network and file-system failures become MLOPS5004.
    /// </summary>
    private async Task<(bool Ok, T Value)> TryFeedAsync<T>(
        Func<FindPackageByIdResource, SourceCacheContext, Task<T>> operation, T failed, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        try
        {
            using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true, RefreshMemoryCache = true };
            SourceRepository repository = Repository.Factory.GetCoreV3(PackageSource());
            FindPackageByIdResource? finder = await repository.GetResourceAsync<FindPackageByIdResource>(cancellationToken).ConfigureAwait(false);
            if (finder is not null)
                return (true, await operation(finder, cache).ConfigureAwait(false));
            bag.Error(Codes.FeedUnavailable, $"Feed '{Source}' is not a NuGet feed that can list packages. Expected a folder or an http(s) NuGet v3 service index URL.");
            return (false, failed);
        }
        catch (Exception e) when (IsFeedFailure(e, cancellationToken))
        {
            bag.Error(Codes.FeedUnavailable, $"Feed '{Source}' cannot be read: {Redact(e.Message)} Check the source, the network and your credentials.");
            return (false, failed);
        }
    }

    /// <summary>The feed as NuGet.Protocol sees it, carrying <see cref="AllowInsecureConnections"/>.</summary>
    internal PackageSource PackageSource() => new(Source) { AllowInsecureConnections = AllowInsecureConnections };

    /// <summary>
    /// True (and MLOPS5007 reported) when this is a plain http:// feed and insecure connections were not
    /// allowed: call before anything that sends the API key (push, delete).
    /// </summary>
    internal bool RefusesInsecureWrite(DiagnosticBag bag, string? file = null)
    {
        if (AllowInsecureConnections || LocalFolder is not null || !Source.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
            return false;
        bag.Error(Codes.InsecureFeedWrite,
            $"Feed '{Source}' is plain http: writing to it would send the API key unencrypted, and NuGet refuses it. " +
            "Use an https feed, or allow insecure connections explicitly for this feed (mlops publish --allow-insecure-connections; " +
            "ModelFeed.Open(..., allowInsecureConnections: true)) when it is on a network you trust.", file);
        return true;
    }

    /// <summary>
    /// Text from NuGet or the server with the API key masked: a message never holds the key, even if a server
    /// or a library echoed it back.
    /// </summary>
    private string Redact(string text) =>
        _apiKey is { Length: > 0 } key ? text.Replace(key, "***", StringComparison.Ordinal) : text;

    // The failures a feed can have that are the environment's fault, not a bug: reported, not thrown.
    private static bool IsFeedFailure(Exception e, CancellationToken cancellationToken) =>
        e is FatalProtocolException or IOException or UnauthorizedAccessException or HttpRequestException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
