using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking.Query;

/// <summary>One key of an order-by: a name and its direction.</summary>
internal sealed record OrderKey(FieldRef Field, bool Descending);

/// <summary>Reads <c>name [ASC|DESC] (, name [ASC|DESC])*</c>, e.g. <c>metrics.auc desc, started_at</c>.</summary>
internal static class OrderByParser
{
    private const string Source = "order-by";

    public static IReadOnlyList<OrderKey> Parse(string orderBy)
    {
        List<FilterToken> tokens = FilterLexer.Tokenize(orderBy, Source);
        var keys = new List<OrderKey>();
        int i = 0;
        while (true)
        {
            FilterToken name = tokens[i++];
            if (name.Kind != TokenKind.Name)
                throw Expected(keys.Count == 0 ? "a name to order by (metrics.auc, params.seed, started_at)" : "a name after ','", name);
            FieldRef field = FieldNames.Resolve(name, Source);
            bool descending = false;
            if (tokens[i].Kind == TokenKind.Name && tokens[i].Segments.Count == 1 && tokens[i].Text.ToUpperInvariant() is "ASC" or "DESC")
                descending = tokens[i++].Text.Equals("DESC", StringComparison.OrdinalIgnoreCase);
            keys.Add(new OrderKey(field, descending));
            FilterToken next = tokens[i++];
            if (next.Kind == TokenKind.End)
                return keys;
            if (next.Kind != TokenKind.Comma)
                throw Expected($"ASC, DESC, ',' or end of order-by after '{tokens[i - 2].Text}'", next);
        }
    }

    private static QueryException Expected(string what, FilterToken found) =>
        new(Codes.OrderBySyntax, $"The order-by at {found.Position}: expected {what}, found {found.Describe(Source)}.");
}
