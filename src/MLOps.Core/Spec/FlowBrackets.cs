namespace MLOps.Core.Spec;

/// <summary>
/// Finds the flow bracket (<c>{</c> or <c>[</c>) still open at a position of the spec's text: the cause of
/// most YAML errors reported far below it. YamlDotNet cannot say, since it holds a bracket that may
/// start a key until the bracket closes. Quotes and comments are skipped; a bracket opens a flow
/// collection only where a value can start (after indentation, <c>: </c>, <c>- </c>, <c>,</c> or another bracket).
/// </summary>
internal static class FlowBrackets
{
    /// <summary>The innermost bracket opened before (line, column), both 1-based, and not closed by then.</summary>
    public static (char Bracket, int Line, int Column)? Unclosed(string text, long stopLine, long stopColumn)
    {
        var open = new Stack<(char, int, int)>();
        string[] lines = text.Split('\n');
        for (int l = 0; l < lines.Length && l < stopLine; l++)
        {
            string line = lines[l];
            int end = l + 1 == stopLine ? (int)Math.Min(stopColumn - 1, line.Length) : line.Length;
            char quote = '\0';
            for (int c = 0; c < end; c++)
            {
                char ch = line[c];
                if (quote != '\0')
                {
                    quote = ch == quote ? '\0' : quote;
                    c += ch == '\\' && quote == '"' ? 1 : 0;
                }
                else if (ch is '"' or '\'' && StartsValue(line, c))
                {
                    quote = ch;
                }
                else if (ch == '#' && (c == 0 || char.IsWhiteSpace(line[c - 1])))
                {
                    break;
                }
                else if (ch is '{' or '[' && StartsValue(line, c))
                {
                    open.Push((ch, l + 1, c + 1));
                }
                else if (ch is '}' or ']' && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }

        return open.Count > 0 ? open.Peek() : null;
    }

    private static bool StartsValue(string line, int c)
    {
        int p = c - 1;
        while (p >= 0 && line[p] is ' ' or '\t')
        {
            p--;
        }

        return p < 0 || line[p] is ',' or '[' or '{' || (line[p] is ':' or '-' or '?' && p < c - 1);
    }
}
