namespace MLOps.Core.Tracking.Query;

/// <summary>The SQL the compiler writes for: the run store's two back ends.</summary>
public enum QueryDialect { Sqlite, PostgreSql }

/// <summary>The few places the two dialects differ; everything else the compiler writes is common SQL.</summary>
internal static class DialectSql
{
    // One definition of "a number" for both back ends, JSON's: -?(0|[1-9]digits)(.digits)?(e[+-]?digits)?.
    // SQLite checks it with its JSON functions; the nested CASE keeps json_type from seeing text that is not JSON.
    public static string NumberOrNull(QueryDialect dialect, string column) => dialect == QueryDialect.Sqlite
        ? $"(CASE WHEN json_valid({column}) THEN (CASE WHEN json_type({column}) IN ('integer', 'real') THEN CAST({column} AS REAL) END) END)"
        : $"(CASE WHEN {column} ~ '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' THEN CAST({column} AS double precision) END)";

    /// <summary>
    /// Text ordered by code point on both back ends: SQLite's default (BINARY); PostgreSQL's database collation
    /// may be a language's, so range comparisons and sorts of text say "C".
    /// </summary>
    public static string OrderedText(QueryDialect dialect, string column) =>
        dialect == QueryDialect.Sqlite ? column : $"{column} COLLATE \"C\"";

    /// <summary>
    /// LIKE is case-sensitive and ILIKE is not, on both back ends. SQLite's own LIKE ignores ASCII case, so its
    /// case-sensitive form is GLOB with the pattern translated (<see cref="LikeToGlob"/>).
    /// </summary>
    public static string Like(QueryDialect dialect, string column, string parameter, bool ignoreCase) => (dialect, ignoreCase) switch
    {
        (QueryDialect.Sqlite, false) => $"{column} GLOB {parameter}",
        (QueryDialect.Sqlite, true) => $"{column} LIKE {parameter} ESCAPE '\\'",
        (_, false) => $"{column} LIKE {parameter} ESCAPE '\\'",
        _ => $"{column} ILIKE {parameter} ESCAPE '\\'",
    };

    /// <summary>A LIKE pattern (% any run, _ one character, \ escapes the next) as the equivalent GLOB pattern.</summary>
    public static string LikeToGlob(string pattern)
    {
        var glob = new System.Text.StringBuilder(pattern.Length + 8);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
                glob.Append(GlobLiteral(pattern[++i]));
            else if (c == '%')
                glob.Append('*');
            else if (c == '_')
                glob.Append('?');
            else
                glob.Append(GlobLiteral(c));
        }

        return glob.ToString();
    }

    private static string GlobLiteral(char c) => c is '*' or '?' or '[' ? $"[{c}]" : c.ToString();
}
