using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking.Query;

/// <summary>
/// Recursive descent over the filter grammar (NOT binds tighter than AND, AND tighter than OR):
/// <code>
/// filter    := or END
/// or        := and (OR and)*
/// and       := unary (AND unary)*
/// unary     := NOT unary | '(' or ')' | condition
/// condition := name (op value | [NOT] LIKE|ILIKE string | [NOT] IN '(' value (',' value)* ')' | IS [NOT] NULL)
/// </code>
/// The first error stops the parse: a <see cref="QueryException"/> with the position, what was found and what was expected.
/// </summary>
internal sealed class FilterParser
{
    private const int MaxDepth = 64;
    private const string Source = "filter";
    private readonly List<FilterToken> _tokens;
    private int _next;
    private int _depth;

    private FilterParser(List<FilterToken> tokens) => _tokens = tokens;

    public static FilterNode Parse(string filter)
    {
        var parser = new FilterParser(FilterLexer.Tokenize(filter, Source));
        FilterNode node = parser.ParseOr();
        FilterToken end = parser.Peek;
        if (end.Kind != TokenKind.End)
            throw Expected(end.Kind == TokenKind.RightParen ? "AND, OR or end of filter (this ')' closes no '(')" : "AND, OR or end of filter", end);
        return node;
    }

    private FilterToken Peek => _tokens[_next];

    private FilterToken Previous => _tokens[_next - 1];

    private FilterToken Take() => _tokens[_next++];

    private FilterNode ParseOr()
    {
        FilterNode left = ParseAnd();
        while (Peek.Kind == TokenKind.Or)
        {
            Take();
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        FilterNode left = ParseUnary();
        while (Peek.Kind == TokenKind.And)
        {
            Take();
            left = new AndNode(left, ParseUnary());
        }

        return left;
    }

    private FilterNode ParseUnary()
    {
        if (++_depth > MaxDepth)
            throw new QueryException(Codes.FilterTooComplex, $"The filter at {Peek.Position}: parentheses and NOTs nest more than {MaxDepth} deep; simplify the filter.");
        try
        {
            FilterToken token = Peek;
            switch (token.Kind)
            {
                case TokenKind.Not:
                    Take();
                    return new NotNode(ParseUnary());
                case TokenKind.LeftParen:
                    Take();
                    FilterNode inner = ParseOr();
                    if (Peek.Kind != TokenKind.RightParen)
                        throw Expected($"AND, OR or ')' to close the '(' at {token.Position}", Peek);
                    Take();
                    return inner;
                case TokenKind.Name:
                    return ParseCondition(FieldNames.Resolve(Take(), Source));
                default:
                    string after = _next == 0 ? "" : $" after '{Previous.Text}'";
                    throw Expected($"a condition (a name such as metrics.auc, params.trainer, tags.note or status), NOT or '('{after}", token);
            }
        }
        finally
        {
            _depth--;
        }
    }

    private FilterNode ParseCondition(FieldRef field)
    {
        FilterToken op = Take();
        switch (op.Kind)
        {
            case TokenKind.Operator:
                return new CompareNode(field, ToComparison(op.Text), op.Text, ParseValue(op));
            case TokenKind.Like or TokenKind.ILike:
                return ParseLike(field, op);
            case TokenKind.In:
                return ParseIn(field, op);
            case TokenKind.Is:
                bool negated = Peek.Kind == TokenKind.Not && Take() is not null;
                if (Peek.Kind != TokenKind.Null)
                    throw Expected($"NULL after '{Previous.Text}'", Peek);
                Take();
                return negated ? new NotNode(new IsNullNode(field)) : new IsNullNode(field);
            case TokenKind.Not when Peek.Kind is TokenKind.Like or TokenKind.ILike:
                return new NotNode(ParseLike(field, Take()));
            case TokenKind.Not when Peek.Kind is TokenKind.In:
                return new NotNode(ParseIn(field, Take()));
            case TokenKind.Not:
                throw Expected("LIKE, ILIKE or IN after NOT", Peek);
            default:
                _next--;
                throw Expected($"an operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS NULL) after '{field.Text}'", op);
        }
    }

    private CompareNode ParseLike(FieldRef field, FilterToken op)
    {
        Literal pattern = ParseValue(op);
        if (pattern.IsNumber)
            throw new QueryException(Codes.FilterTypeMismatch, $"The filter at {pattern.Position}: {op.Text.ToUpperInvariant()} takes a pattern in quotes, found {pattern.Describe()}; expected e.g. 'Light%'.");
        return new CompareNode(field, op.Kind == TokenKind.Like ? Comparison.Like : Comparison.ILike, op.Text.ToUpperInvariant(), pattern);
    }

    private InNode ParseIn(FieldRef field, FilterToken op)
    {
        if (Peek.Kind != TokenKind.LeftParen)
            throw Expected("'(' after IN", Peek);
        Take();
        var values = new List<Literal> { ParseValue(Previous) };
        while (Peek.Kind == TokenKind.Comma)
            values.Add(ParseValue(Take()));
        if (Peek.Kind != TokenKind.RightParen)
            throw Expected($"',' or ')' to end the IN list at {op.Position}", Peek);
        Take();
        return new InNode(field, values);
    }

    private Literal ParseValue(FilterToken after)
    {
        FilterToken token = Peek;
        if (token.Kind == TokenKind.String)
            return new Literal(Take().StringValue, null, token.Position);
        if (token.Kind == TokenKind.Number)
            return new Literal(Take().Text, token.Number, token.Position);
        string hint = token.Kind == TokenKind.Name ? " (text goes in single quotes: 'LightGbm')" : "";
        throw Expected($"a value after '{after.Text}'{hint}", token);
    }

    private static Comparison ToComparison(string op) => op switch
    {
        "=" or "==" => Comparison.Equal,
        "!=" or "<>" => Comparison.NotEqual,
        "<" => Comparison.Less,
        "<=" => Comparison.LessOrEqual,
        ">" => Comparison.Greater,
        _ => Comparison.GreaterOrEqual,
    };

    private static QueryException Expected(string what, FilterToken found) =>
        new(Codes.FilterSyntax, $"The filter at {found.Position}: expected {what}, found {found.Describe(Source)}.");
}
