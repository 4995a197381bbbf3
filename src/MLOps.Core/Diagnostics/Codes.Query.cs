namespace MLOps.Core.Diagnostics;

// Searching and comparing runs (8020..8039): the filter and order-by languages of `mlops runs list`, and run ids.
public static partial class Codes
{
    /// <summary>The filter is not well formed: the message gives the 1-based position, what was found and what was expected.</summary>
    public const string FilterSyntax = "MLOPS8020";

    /// <summary>The filter holds a character that starts no token, or a string or quoted name that is never closed.</summary>
    public const string FilterLexical = "MLOPS8021";

    /// <summary>The filter or order-by names an attribute (or a kind of name) that does not exist; the message lists the valid ones.</summary>
    public const string FilterUnknownName = "MLOPS8022";

    /// <summary>A comparison the name's values cannot take: a metric against text or with LIKE.</summary>
    public const string FilterTypeMismatch = "MLOPS8023";

    /// <summary>A value an attribute cannot hold: a status that does not exist, an instant that is not ISO 8601.</summary>
    public const string FilterInvalidValue = "MLOPS8024";

    /// <summary>The order-by is not well formed: names separated by commas, each optionally followed by ASC or DESC.</summary>
    public const string OrderBySyntax = "MLOPS8025";

    /// <summary>The filter nests parentheses or NOTs deeper than the parser allows, or is longer than it reads.</summary>
    public const string FilterTooComplex = "MLOPS8026";

    /// <summary>--limit is not a positive number.</summary>
    public const string RunLimitInvalid = "MLOPS8027";
}
