using System.Data.Common;

namespace MLOps.Core.Tracking;

/// <summary>Turns <c>postgres://user:password@host:port/database?sslmode=require</c> into the key=value form the client reads.</summary>
internal static class PostgresUri
{
    public static string? ToConnectionString(string uri, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) || parsed.Host.Length == 0)
        {
            error = "the postgres:// URI has no host (expected postgres://user:password@host:port/database)";
            return null;
        }

        var builder = new DbConnectionStringBuilder { ["Host"] = parsed.Host };
        if (parsed.Port > 0)
            builder["Port"] = parsed.Port;
        string database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/'));
        if (database.Length > 0)
            builder["Database"] = database;
        if (parsed.UserInfo.Length > 0)
        {
            string[] user = parsed.UserInfo.Split(':', 2);
            builder["Username"] = Uri.UnescapeDataString(user[0]);
            if (user.Length == 2)
                builder["Password"] = Uri.UnescapeDataString(user[1]);
        }

        foreach (string pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(parts[0]);
            // libpq's names for the two options people put in URIs; the rest pass through as written.
            key = key switch { "sslmode" => "SSL Mode", "connect_timeout" => "Timeout", _ => key };
            builder[key] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
        }

        return builder.ConnectionString;
    }
}
