namespace MLOps.Core.Tracking.Query;

internal enum TokenKind { Name, String, Number, Operator, LeftParen, RightParen, Comma, And, Or, Not, Like, ILike, In, Is, Null, End }

/// <summary>
/// One token of a filter or order-by: its kind, its text as written (for messages), its 1-based position, and
/// what it means: a string's unquoted value, a name's dot-separated segments, a number's value.
/// </summary>
internal sealed record FilterToken(TokenKind Kind, string Text, int Position)
{
    public string StringValue { get; init; } = "";

    public IReadOnlyList<string> Segments { get; init; } = [];

    public double Number { get; init; }

    /// <summary>How a message names the token: "end of filter", "string 'abc'", "'>'".</summary>
    public string Describe(string source) => Kind switch
    {
        TokenKind.End => $"end of {source}",
        TokenKind.String => $"string {Text}",
        TokenKind.Number => $"number {Text}",
        TokenKind.Name => $"name '{Text}'",
        _ => $"'{Text}'",
    };
}
