namespace FlightDelay.Api;

/// <summary>
/// The service listens on this machine only: POST /model/reload has no authentication, so an address other than
/// 127.0.0.1, [::1] or localhost is refused at start. Put a reverse proxy (with authentication) in front to serve others.
/// </summary>
public static class LoopbackOnly
{
    /// <summary>Why the configured "Urls" are refused, or null when every one is a loopback address.</summary>
    public static string? Check(IConfiguration configuration)
    {
        string urls = configuration["Urls"] ?? "";
        foreach (string url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || !(uri.IsLoopback || uri.Host == "localhost"))
            {
                return $"'{url}' in \"Urls\" is not a loopback address. The service binds to 127.0.0.1 only (POST /model/reload is not authenticated); use http://127.0.0.1:<port>.";
            }
        }
        return null;
    }
}
