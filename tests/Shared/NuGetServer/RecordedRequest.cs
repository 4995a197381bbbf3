namespace MLOps.Tests.Shared;

/// <summary>
/// One request the test NuGet server answered: method, path with query, every header (names as sent; a
/// header sent twice keeps its values joined with ", ") and the status code it answered with.
/// </summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, int StatusCode)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public override string ToString() => $"{Method} {Path} -> {StatusCode}";
}
