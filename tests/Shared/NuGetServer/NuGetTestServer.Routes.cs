using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MLOps.Tests.Shared;

// The routes: which URL answers what, and the status codes the protocol documents for each.
internal sealed partial class NuGetTestServer
{
    private async Task AnswerAsync(HttpListenerContext context)
    {
        HttpListenerRequest request = context.Request;
        HttpListenerResponse response = context.Response;
        int status = (int)HttpStatusCode.InternalServerError; // until the route answers
        try
        {
            (status, byte[] body, string contentType) = await RouteAsync(request).ConfigureAwait(false);
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength64 = body.Length;
            if (request.HttpMethod != "HEAD")
                await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            status = (int)HttpStatusCode.BadRequest;
            response.StatusCode = status;
        }
        catch (HttpListenerException)
        {
            status = 0; // the client went away
        }
        finally
        {
            // Recorded before the response completes: a client that has its answer must find its request recorded.
            var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url?.PathAndQuery ?? "", headers, status));
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The client went away.
            }
        }
    }

    private async Task<(int Status, byte[] Body, string ContentType)> RouteAsync(HttpListenerRequest request)
    {
        string[] path = (request.Url?.AbsolutePath ?? "/").Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        bool read = request.HttpMethod is "GET" or "HEAD";
        return (request.HttpMethod, path) switch
        {
            (_, ["v3", "index.json"]) when read => Json(ServerDocuments.ServiceIndex(this)),
            ("PUT", ["api", "v2", "package"]) => await PushAsync(request).ConfigureAwait(false),
            ("DELETE", ["api", "v2", "package", var id, var version]) => Unlist(request, id, version),
            (_, ["v3-flatcontainer", var id, "index.json"]) when read => FlatVersions(id.ToLowerInvariant()),
            (_, ["v3-flatcontainer", var id, var version, var file]) when read => FlatFile(id.ToLowerInvariant(), version.ToLowerInvariant(), file.ToLowerInvariant()),
            (_, ["v3", "registration", var id, "index.json"]) when read => Registration(id.ToLowerInvariant()),
            (_, ["v3", "registration", var id, var leaf]) when read && leaf.EndsWith(".json", StringComparison.Ordinal) =>
                RegistrationLeaf(id.ToLowerInvariant(), leaf[..^".json".Length].ToLowerInvariant()),
            _ => NotFound(),
        };
    }

    private async Task<(int, byte[], string)> PushAsync(HttpListenerRequest request)
    {
        if (KeyProblem(request) is { } refused)
            return refused;
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
        byte[] nupkg = MultipartBody.Package(request.ContentType, buffer.ToArray());
        return Store.TryAdd(nupkg, out _)
            ? Text(HttpStatusCode.Created, "Created")
            : Text(HttpStatusCode.Conflict, "A package with this id and version already exists.");
    }

    private (int, byte[], string) Unlist(HttpListenerRequest request, string id, string version) =>
        KeyProblem(request) ?? (Store.TryUnlist(id, version) ? Text(HttpStatusCode.NoContent, "") : NotFound());

    // No key header: 401 (who are you?); a wrong key: 403 (not allowed), as hosted feeds answer.
    private (int, byte[], string)? KeyProblem(HttpListenerRequest request)
    {
        if (ApiKey is null)
            return null;
        string? sent = request.Headers["X-NuGet-ApiKey"];
        if (string.IsNullOrEmpty(sent))
            return Text(HttpStatusCode.Unauthorized, "An API key is required.");
        return sent == ApiKey ? null : Text(HttpStatusCode.Forbidden, "The API key is invalid.");
    }

    private (int, byte[], string) FlatVersions(string lowerId) =>
        Store.Versions(lowerId) is { Count: > 0 } versions ? Json(ServerDocuments.FlatVersions(versions)) : NotFound();

    private (int, byte[], string) FlatFile(string lowerId, string lowerVersion, string file)
    {
        bool known = file == $"{lowerId}.{lowerVersion}.nupkg" || file == $"{lowerId}.nuspec";
        return known && Store.ReadFile(lowerId, lowerVersion, file) is { } bytes
            ? ((int)HttpStatusCode.OK, bytes, file.EndsWith(".nupkg", StringComparison.Ordinal) ? "application/octet-stream" : "application/xml")
            : NotFound();
    }

    private (int, byte[], string) Registration(string lowerId) =>
        Store.Versions(lowerId) is { Count: > 0 } versions ? Json(ServerDocuments.RegistrationIndex(this, lowerId, versions)) : NotFound();

    private (int, byte[], string) RegistrationLeaf(string lowerId, string lowerVersion) =>
        Store.Versions(lowerId).FirstOrDefault(v => v.LowerVersion == lowerVersion) is { } version
            ? Json(ServerDocuments.RegistrationLeaf(this, version))
            : NotFound();

    private static (int, byte[], string) Json(JsonObject json) => ((int)HttpStatusCode.OK, Encoding.UTF8.GetBytes(json.ToJsonString()), "application/json");

    private static (int, byte[], string) Text(HttpStatusCode status, string text) => ((int)status, Encoding.UTF8.GetBytes(text), "text/plain");

    private static (int, byte[], string) NotFound() => Text(HttpStatusCode.NotFound, "Not found.");
}
