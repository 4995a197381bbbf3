using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace MLOps.Tests.Shared;

/// <summary>One request the stand-in received: what a test asserts about the calls the client made.</summary>
internal sealed record GitHubApiRequest(string Method, string PathAndQuery, string? Authorization, string? ContentType, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A GitHub REST API stand-in on 127.0.0.1 for the release calls, answering as GitHub documents them under the
/// Enterprise prefix a client uses for a base URL other than GitHub's own (/api/v3/..., uploads under /api/uploads/...):
/// get a release by tag (404 with GitHub's error body when absent), create a release (201), upload a release asset (201),
/// 401 "Bad credentials" for any other token, 403 "API rate limit exceeded" when <see cref="RateLimited"/>, 404 for a
/// repository it does not hold. Every request is recorded.
/// </summary>
internal sealed partial class GitHubApiStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<GitHubApiRequest> _requests = [];
    private readonly Dictionary<string, StandInRelease> _releases = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private long _nextId = 1;

    public GitHubApiStandIn(string repository, string token)
    {
        Repository = repository;
        Token = token;
        int port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    /// <summary>The base URL to give the client (the server's root; the client adds api/v3/).</summary>
    public Uri BaseUrl { get; }

    public string Repository { get; }

    public string Token { get; }

    public bool RateLimited { get; set; }

    public IReadOnlyList<GitHubApiRequest> Requests { get { lock (_requests) return [.. _requests]; } }

    public IReadOnlyCollection<StandInRelease> Releases { get { lock (_releases) return [.. _releases.Values]; } }

    /// <summary>Adds a release as if made earlier (with the asset names given), as GitHub would then hold it.</summary>
    public StandInRelease AddRelease(string tag, params string[] assets)
    {
        lock (_releases)
        {
            var release = new StandInRelease(_nextId++, tag, tag, "");
            foreach (string asset in assets)
                release.Assets.Add(new StandInAsset(_nextId++, asset, "application/octet-stream", []));
            _releases[tag] = release;
            return release;
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var request = new GitHubApiRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery,
                context.Request.Headers["Authorization"], context.Request.ContentType, body.ToArray());
            lock (_requests) _requests.Add(request);
            (int status, string json, Dictionary<string, string> headers) = Answer(request);
            await Respond(context.Response, status, json, headers).ConfigureAwait(false);
        }
    }

    private (int Status, string Json, Dictionary<string, string> Headers) Answer(GitHubApiRequest request)
    {
        var headers = new Dictionary<string, string>();
        if (!Authorized(request.Authorization))
            return (401, GitHubJson.Error("Bad credentials", "https://docs.github.com/rest", 401), headers);
        if (RateLimited)
        {
            headers["X-RateLimit-Limit"] = "5000";
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Used"] = "5000";
            headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            headers["X-RateLimit-Resource"] = "core";
            return (403, GitHubJson.Error("API rate limit exceeded for user ID 1.", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api", 403), headers);
        }

        Match route = Route().Match(request.PathAndQuery);
        if (!route.Success || route.Groups["repo"].Value != Repository)
            return (404, GitHubJson.Error("Not Found", "https://docs.github.com/rest", 404), headers);

        lock (_releases)
        {
            return (request.Method, route.Groups["kind"].Value) switch
            {
                ("GET", "v3") when route.Groups["tag"].Success => GetByTag(Uri.UnescapeDataString(route.Groups["tag"].Value), headers),
                ("POST", "v3") when !route.Groups["tag"].Success && !route.Groups["id"].Success => Create(request, headers),
                ("POST", "uploads") when route.Groups["id"].Success => Upload(request, long.Parse(route.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), headers),
                _ => (404, GitHubJson.Error("Not Found", "https://docs.github.com/rest", 404), headers),
            };
        }
    }

    private (int, string, Dictionary<string, string>) GetByTag(string tag, Dictionary<string, string> headers) =>
        _releases.TryGetValue(tag, out StandInRelease? release)
            ? (200, GitHubJson.Release(this, release), headers)
            : (404, GitHubJson.Error("Not Found", "https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name", 404), headers);

    private (int, string, Dictionary<string, string>) Create(GitHubApiRequest request, Dictionary<string, string> headers)
    {
        using var json = System.Text.Json.JsonDocument.Parse(request.Body);
        string tag = json.RootElement.GetProperty("tag_name").GetString()!;
        if (_releases.ContainsKey(tag))
            return (422, GitHubJson.AlreadyExists(), headers);
        string Text(string name) => json.RootElement.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
        var release = new StandInRelease(_nextId++, tag, Text("name"), Text("body"));
        _releases[tag] = release;
        headers["Location"] = ApiUrl($"releases/{release.Id}");
        return (201, GitHubJson.Release(this, release), headers);
    }

    private (int, string, Dictionary<string, string>) Upload(GitHubApiRequest request, long id, Dictionary<string, string> headers)
    {
        StandInRelease? release = _releases.Values.FirstOrDefault(r => r.Id == id);
        string? name = Query(request.PathAndQuery, "name");
        if (release is null || name is null)
            return (404, GitHubJson.Error("Not Found", "https://docs.github.com/rest/releases/assets#upload-a-release-asset", 404), headers);
        if (release.Assets.Any(a => a.Name == name))
            return (422, GitHubJson.AlreadyExists(), headers);
        var asset = new StandInAsset(_nextId++, name, request.ContentType ?? "application/octet-stream", request.Body);
        release.Assets.Add(asset);
        return (201, GitHubJson.Asset(this, asset), headers);
    }

    /// <summary>GitHub takes a token as "token &lt;t&gt;" or "Bearer &lt;t&gt;"; an HTTP scheme name is case-insensitive.</summary>
    private bool Authorized(string? authorization) =>
        authorization?.Split(' ', 2) is [var scheme, var value]
        && (scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        && value == Token;

    internal string ApiUrl(string relative) => $"{BaseUrl}api/v3/repos/{Repository}/{relative}";

    internal string UploadUrl(long releaseId) => $"{BaseUrl}api/uploads/repos/{Repository}/releases/{releaseId}/assets{{?name,label}}";

    private static string? Query(string pathAndQuery, string key) =>
        Regex.Match(pathAndQuery, $@"[?&]{key}=([^&]*)") is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null;

    private static async Task Respond(HttpListenerResponse response, int status, string json, Dictionary<string, string> headers)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        foreach ((string name, string value) in headers)
            response.Headers[name] = value;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^/api/(?<kind>v3|uploads)/repos/(?<repo>[^/]+/[^/]+)/releases(?:/tags/(?<tag>[^/?]+)|/(?<id>\d+)/assets)?/?(?:\?.*)?$")]
    private static partial Regex Route();

    public void Dispose()
    {
        if (!_listener.IsListening)
            return;
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}

/// <summary>A release the stand-in holds.</summary>
internal sealed record StandInRelease(long Id, string TagName, string Name, string Body)
{
    public List<StandInAsset> Assets { get; } = [];
}

/// <summary>An asset the stand-in holds, with the bytes uploaded.</summary>
internal sealed record StandInAsset(long Id, string Name, string ContentType, byte[] Bytes);
