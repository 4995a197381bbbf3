using System.Text;
using System.Text.RegularExpressions;

namespace MLOps.Core.Scaffolding;

/// <summary>
/// A string as a YAML scalar that reads back as exactly that string, inside a flow mapping too: plain when it is a
/// safe word or path (letters, digits, <c>_ . / -</c>, not starting with <c>-</c>), else double-quoted with escapes.
/// </summary>
internal static partial class YamlScalar
{
    public static string Of(string value) => Plain().IsMatch(value) ? value : Quoted(value);

    public static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char ch in value)
        {
            text.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(ch) => $"\\u{(int)ch:X4}",
                _ => ch.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9_./][A-Za-z0-9_./-]*$")]
    private static partial Regex Plain();
}
