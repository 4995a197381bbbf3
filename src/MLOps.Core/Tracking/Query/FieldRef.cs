namespace MLOps.Core.Tracking.Query;

internal enum FieldKind { Attribute, Param, Metric, Tag }

/// <summary>What a name in a filter or order-by refers to: a metric of a split, a param, a tag, or a column of the runs table.</summary>
internal sealed record FieldRef(FieldKind Kind, string Key, string Text, int Position)
{
    /// <summary>The metric's split (test unless the name says validation).</summary>
    public string Split { get; init; } = "test";

    /// <summary>The column and value kind, for attributes.</summary>
    public RunAttribute? Attribute { get; init; }
}

internal enum AttributeType { Text, Instant, Status }

/// <summary>A column of the runs table a filter may name directly.</summary>
internal sealed record RunAttribute(string Name, string Column, AttributeType Type, bool Nullable);
