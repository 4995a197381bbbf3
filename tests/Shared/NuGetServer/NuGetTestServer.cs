using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MLOps.Tests.Shared;

/// <summary>
/// A NuGet v3 feed over HTTP for tests, in-process on 127.0.0.1 at a free port and backed by a folder. It
/// speaks the documented protocol (learn.microsoft.com/nuget/api): the service index at
/// <see cref="ServiceIndexUrl"/>, push (PUT multipart to <see cref="PublishUrl"/> with X-NuGet-ApiKey),
/// DELETE = unlist, the flat container (PackageBaseAddress) and the registration (with <c>listed</c>).
/// Every request is recorded in <see cref="Requests"/>. Plain http: a consumer's nuget.config needs
/// <c>allowInsecureConnections="true"</c> on the source (NU1302 otherwise).
/// </summary>
internal sealed partial class NuGetTestServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private NuGetTestServer(HttpListener listener, string baseUrl, ServerStore store, string? apiKey)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        Store = store;
        ApiKey = apiKey;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Where the server lives, ending in '/': http://127.0.0.1:&lt;port&gt;/.</summary>
    public string BaseUrl { get; }

    /// <summary>The source URL to give NuGet (a feed's service index).</summary>
    public string ServiceIndexUrl => BaseUrl + "v3/index.json";

    public string PublishUrl => BaseUrl + "api/v2/package";

    public string FlatContainerUrl => BaseUrl + "v3-flatcontainer/";

    public string RegistrationUrl => BaseUrl + "v3/registration/";

    /// <summary>The key a push or delete must send; null accepts any request.</summary>
    public string? ApiKey { get; }

    /// <summary>The folder holding the packages.</summary>
    public string Folder => Store.Root;

    /// <summary>Every request answered so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    private ServerStore Store { get; }

    /// <summary>Starts a server on a free port over <paramref name="folder"/> (created when missing).</summary>
    public static NuGetTestServer Start(string folder, string? apiKey = null)
    {
        var store = new ServerStore(folder);
        for (int attempt = 0; ; attempt++)
        {
            // Ask the OS for a free port, then bind it; another process may take it in between, so retry.
            string baseUrl = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUrl);
            try
            {
                listener.Start();
                return new NuGetTestServer(listener, baseUrl, store, apiKey);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    public string NupkgUrl(string lowerId, string lowerVersion) => $"{FlatContainerUrl}{lowerId}/{lowerVersion}/{lowerId}.{lowerVersion}.nupkg";

    /// <summary>Adds a package straight into the folder, as if pushed; false when the id and version were there.</summary>
    public bool Add(string nupkgPath) => Store.TryAdd(File.ReadAllBytes(nupkgPath), out _);

    /// <summary>Unlists a version straight in the folder, as a DELETE would; false when it is not there.</summary>
    public bool Unlist(string id, string version) => Store.TryUnlist(id, version);

    /// <summary>The versions the server holds for an id (lowercase, lowest first) with whether each is listed.</summary>
    public IReadOnlyList<(string Version, bool Listed)> Versions(string id) =>
        [.. Store.Versions(id.ToLowerInvariant()).Select(v => (v.LowerVersion, v.Listed))];

    /// <summary>Forgets the requests recorded so far (to assert on what one step sends).</summary>
    public void ClearRequests() => _requests.Clear();

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal; how it ends does not matter.
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }
}
