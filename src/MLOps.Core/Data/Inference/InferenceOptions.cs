namespace MLOps.Core.Data.Inference;

/// <summary>
/// How <see cref="SchemaInference"/> turns what it saw into a schema. A string column with at most
/// <see cref="MaxCategories"/> distinct values is categorical, with them as its <c>allowed</c> list;
/// beyond that it is text (free text, no list). 0 makes every string column text. The default, 100, is TFX's.
/// <see cref="Label"/> names the label column: it is marked training-only (<c>"environments": ["training"]</c>),
/// since serving data does not have it.
/// </summary>
public sealed record InferenceOptions(int MaxCategories = InferenceOptions.DefaultMaxCategories)
{
    public const int DefaultMaxCategories = 100;

    public static InferenceOptions Default { get; } = new();

    public int MaxCategories { get; init; } = MaxCategories >= 0
        ? MaxCategories
        : throw new ArgumentOutOfRangeException(nameof(MaxCategories), MaxCategories, "The number of categories cannot be negative.");

    /// <summary>The label column, marked training-only in the inferred schema; null: none.</summary>
    public string? Label { get; init; }
}
