using System.Globalization;
using System.Text;

namespace MLOps.Core.Diagnostics;

/// <summary>
/// Data values and column names as a message shows them: invisible characters escaped, so a header field
/// <c>kind\r</c> reads <c>'kind\r'</c> and not <c>'kind'</c>, and no value can break a message (MSBuild
/// starts a new line of output at a line break). Escapes: <c>\r \n \t \0</c>, other control and
/// format characters (BOM, zero-width space) and non-space blanks (no-break space) as <c>\uXXXX</c>.
/// Backslashes are left as they are.
/// </summary>
public static class Visible
{
    /// <summary>The value in single quotes, escaped: <c>'kind\r'</c>.</summary>
    public static string Quote(string? value) => $"'{Escape(value)}'";

    /// <summary>Names joined with ", ", each escaped but not quoted (a header, a list of columns).</summary>
    public static string List(IEnumerable<string> names) => string.Join(", ", names.Select(Escape));

    /// <summary>The text with every invisible character escaped; the text itself when it has none.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsInvisible))
        {
            return text ?? "";
        }

        var shown = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            _ = c switch
            {
                '\r' => shown.Append("\\r"),
                '\n' => shown.Append("\\n"),
                '\t' => shown.Append("\\t"),
                '\0' => shown.Append("\\0"),
                _ when IsInvisible(c) => shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => shown.Append(c),
            };
        }

        return shown.ToString();
    }

    private static bool IsInvisible(char c) => c != ' ' && char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
