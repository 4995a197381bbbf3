using System.Data.Common;
using System.Text.RegularExpressions;

namespace MLOps.Core.Tracking;

internal enum StoreKind { Sqlite, PostgreSql }

/// <summary>
/// What a run-store connection string names. <c>Host=...</c>/<c>Server=...</c> or a <c>postgres://</c> URI is PostgreSQL;
/// a path or <c>Data Source=...</c> is a SQLite file. <see cref="Redacted"/> is the string safe to print (Password=***).
/// </summary>
internal sealed partial record ConnectionTarget(StoreKind Kind, string ConnectionString, string Redacted)
{
    private static readonly string[] PostgresKeys = ["host", "server"];
    private static readonly string[] SqliteKeys = ["data source", "datasource", "filename"];

    /// <summary>Reads <paramref name="text"/>; null (with <paramref name="error"/>) when it cannot be read.</summary>
    public static ConnectionTarget? Parse(string text, out string? error)
    {
        error = null;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "the connection string is empty";
            return null;
        }

        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return PostgresUri.ToConnectionString(trimmed, out error) is { } converted ? Postgres(converted) : null;

        if (!trimmed.Contains('='))
            return new ConnectionTarget(StoreKind.Sqlite, $"Data Source={trimmed}", trimmed);

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = trimmed;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }

        if (PostgresKeys.Any(builder.ContainsKey))
            return Postgres(trimmed);
        if (SqliteKeys.Any(builder.ContainsKey))
            return new ConnectionTarget(StoreKind.Sqlite, trimmed, Redact(trimmed));

        error = "it names neither a PostgreSQL server (Host=...) nor a SQLite file (a path or Data Source=...)";
        return null;
    }

    private static ConnectionTarget Postgres(string connectionString) => new(StoreKind.PostgreSql, connectionString, Redact(connectionString));

    /// <summary>The connection string as written, with every password (Password=, Pwd=) replaced by ***.</summary>
    public static string Redact(string connectionString) =>
        UriPasswordPattern().Replace(PasswordPattern().Replace(connectionString, "$1***"), "$1***@");

    [GeneratedRegex(@"((?:^|;)\s*(?:password|pwd)\s*=\s*)(?:'[^']*'|""[^""]*""|[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPattern();

    // postgres://user:password@host/db
    [GeneratedRegex(@"(://[^:/@]*:)[^@]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UriPasswordPattern();
}
