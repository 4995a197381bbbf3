using System.Text;

namespace MLOps.Tests.Shared;

/// <summary>
/// The package bytes of a push: NuGet sends the nupkg as the one part of a multipart/form-data body; a body
/// that is not multipart is taken as the nupkg itself.
/// </summary>
internal static class MultipartBody
{
    public static byte[] Package(string? contentType, byte[] body)
    {
        string? boundary = contentType?.Split(';').Select(p => p.Trim())
            .FirstOrDefault(p => p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))?["boundary=".Length..].Trim('"');
        if (boundary is null)
            return body;

        byte[] delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        int partStart = IndexOf(body, delimiter, 0);
        if (partStart < 0)
            throw new InvalidDataException("The multipart body has no boundary line.");
        int headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), partStart);
        if (headersEnd < 0)
            throw new InvalidDataException("The multipart part has no end of headers.");
        int contentStart = headersEnd + 4;
        int contentEnd = IndexOf(body, [.. "\r\n"u8.ToArray(), .. delimiter], contentStart);
        if (contentEnd < 0)
            throw new InvalidDataException("The multipart part has no closing boundary.");
        return body[contentStart..contentEnd];
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start) =>
        haystack.AsSpan(start).IndexOf(needle) is var found and >= 0 ? start + found : -1;
}
