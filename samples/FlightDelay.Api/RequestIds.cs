namespace FlightDelay.Api;

/// <summary>
/// The id of a request: the caller's X-Request-Id when it is a plain token (so labels that arrive later can be joined
/// to the logged prediction by an id the caller knows), else a new one. Echoed in the body and the X-Request-Id header.
/// </summary>
public static class RequestIds
{
    public const string Header = "X-Request-Id";

    public static string For(HttpContext context)
    {
        string? given = context.Request.Headers[Header];
        string id = given is { Length: > 0 and <= 128 } && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? given
            : Guid.NewGuid().ToString("N");
        context.Response.Headers[Header] = id;
        return id;
    }
}
