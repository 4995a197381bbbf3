namespace MLOps.Core.Tracking.Query;

/// <summary>The parsed filter: conditions joined by AND, OR and NOT. Every node keeps where it was written for messages.</summary>
internal abstract record FilterNode;

internal sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record NotNode(FilterNode Operand) : FilterNode;

internal enum Comparison { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Like, ILike }

/// <summary>A value written in the filter: text in quotes, or a number (kept as written too, for text comparisons).</summary>
internal sealed record Literal(string Text, double? Number, int Position)
{
    public bool IsNumber => Number is not null;

    public string Describe() => IsNumber ? $"number {Text}" : $"string '{Text}'";
}

/// <summary><c>name op value</c>; LIKE and ILIKE take a pattern (% any run of characters, _ one, \ escapes).</summary>
internal sealed record CompareNode(FieldRef Field, Comparison Op, string OpText, Literal Value) : FilterNode;

/// <summary><c>name IN (v, ...)</c> (or NOT IN: <see cref="NotNode"/> around it).</summary>
internal sealed record InNode(FieldRef Field, IReadOnlyList<Literal> Values) : FilterNode;

/// <summary><c>name IS NULL</c>: the run has no such metric, param or tag (or the attribute is empty).</summary>
internal sealed record IsNullNode(FieldRef Field) : FilterNode;
