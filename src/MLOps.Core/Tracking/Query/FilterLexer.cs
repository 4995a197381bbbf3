using System.Globalization;
using System.Text;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking.Query;

/// <summary>
/// Splits a filter or order-by into tokens. Names are dot-separated segments (<c>metrics.validation.auc</c>);
/// a segment in backticks may hold any character (<c>params.`my key`</c>). Strings are in single or double quotes,
/// a doubled quote standing for itself. Keywords are case-insensitive.
/// </summary>
internal static class FilterLexer
{
    public const int MaxLength = 10_000;

    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AND"] = TokenKind.And, ["OR"] = TokenKind.Or, ["NOT"] = TokenKind.Not, ["LIKE"] = TokenKind.Like,
        ["ILIKE"] = TokenKind.ILike, ["IN"] = TokenKind.In, ["IS"] = TokenKind.Is, ["NULL"] = TokenKind.Null,
    };

    public static List<FilterToken> Tokenize(string text, string source)
    {
        if (text.Length > MaxLength)
            throw new QueryException(Codes.FilterTooComplex, $"The {source} is {text.Length} characters long; at most {MaxLength} are read. Shorten it (IN (...) lists a set of values in one term).");
        var tokens = new List<FilterToken>();
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i == text.Length)
            {
                tokens.Add(new FilterToken(TokenKind.End, "", i + 1));
                return tokens;
            }

            char c = text[i];
            FilterToken token = c switch
            {
                '(' => new FilterToken(TokenKind.LeftParen, "(", i + 1),
                ')' => new FilterToken(TokenKind.RightParen, ")", i + 1),
                ',' => new FilterToken(TokenKind.Comma, ",", i + 1),
                '\'' or '"' => ReadString(text, i, source),
                '=' or '!' or '<' or '>' => ReadOperator(text, i, source),
                _ when char.IsAsciiDigit(c) || ((c is '-' or '+' or '.') && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.')) => ReadNumber(text, i, source),
                _ when IsNameStart(c) || c == '`' => ReadName(text, i, source),
                _ => throw new QueryException(Codes.FilterLexical, $"The {source} at {i + 1}: found '{c}', which starts no token; expected a name, a value in single quotes, a number, an operator (= != < <= > >=), '(' or ')'."),
            };
            tokens.Add(token);
            i = token.Position - 1 + token.Text.Length;
        }
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static FilterToken ReadString(string text, int start, string source)
    {
        char quote = text[start];
        var value = new StringBuilder();
        for (int i = start + 1; i < text.Length; i++)
        {
            if (text[i] != quote)
            {
                value.Append(text[i]);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == quote)
            {
                value.Append(quote); // A doubled quote is one quote character, as in SQL.
                i++;
                continue;
            }

            return new FilterToken(TokenKind.String, text[start..(i + 1)], start + 1) { StringValue = value.ToString() };
        }

        throw new QueryException(Codes.FilterLexical, $"The {source} at {start + 1}: the string that starts here is never closed; expected a closing {quote} (write a quote inside a string twice: 'it''s').");
    }

    private static FilterToken ReadOperator(string text, int start, string source)
    {
        string two = start + 1 < text.Length ? text.Substring(start, 2) : "";
        string op = two is "!=" or "<>" or "<=" or ">=" or "==" ? two : text[start].ToString();
        if (op == "!")
            throw new QueryException(Codes.FilterLexical, $"The {source} at {start + 1}: found '!' alone; expected '!=' (or NOT before a condition).");
        return new FilterToken(TokenKind.Operator, op, start + 1);
    }

    private static FilterToken ReadNumber(string text, int start, string source)
    {
        int i = start;
        if (text[i] is '-' or '+')
            i++;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            i++;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            int exponent = i + 1 < text.Length && text[i + 1] is '-' or '+' ? i + 2 : i + 1;
            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                    i++;
            }
        }

        string written = text[start..i];
        if (i < text.Length && IsNamePart(text[i]) || !double.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            int end = i;
            while (end < text.Length && (IsNamePart(text[end]) || text[end] == '.'))
                end++;
            throw new QueryException(Codes.FilterLexical, $"The {source} at {start + 1}: found '{text[start..end]}', which is not a number; expected a number such as 0.75, -3 or 1e-4 (text goes in single quotes).");
        }

        return new FilterToken(TokenKind.Number, written, start + 1) { Number = value };
    }

    private static FilterToken ReadName(string text, int start, string source)
    {
        var segments = new List<string>();
        int i = start;
        while (true)
        {
            if (i < text.Length && text[i] == '`')
            {
                int close = text.IndexOf('`', i + 1);
                if (close < 0)
                    throw new QueryException(Codes.FilterLexical, $"The {source} at {i + 1}: the quoted name that starts here is never closed; expected a closing backtick (`).");
                segments.Add(text[(i + 1)..close]);
                i = close + 1;
            }
            else
            {
                int segmentStart = i;
                while (i < text.Length && IsNamePart(text[i]))
                    i++;
                segments.Add(text[segmentStart..i]); // Empty when a dot is not followed by a name: the resolver says so.
            }

            if (i >= text.Length || text[i] != '.')
                break;
            i++;
        }

        string written = text[start..i];
        if (segments.Count == 1 && text[start] != '`' && Keywords.TryGetValue(written, out TokenKind keyword))
            return new FilterToken(keyword, written, start + 1);
        return new FilterToken(TokenKind.Name, written, start + 1) { Segments = segments };
    }
}
