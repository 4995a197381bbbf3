namespace MLOps.Runtime;

/// <summary>One class of a multiclass model and the probability the model gives it for one row.</summary>
public readonly record struct ClassProbability<TLabel>(TLabel Label, float Probability);

/// <summary>Pairs a multiclass prediction's classes with its scores.</summary>
public static class ClassProbability
{
    /// <summary>
    /// Each class with its probability, in the model's class order (the order of <paramref name="scores"/>).
    /// Empty while the classes are unknown (a prediction not made by <see cref="ModelHost{TInput, TOutput}"/>).
    /// </summary>
    public static IReadOnlyList<ClassProbability<TLabel>> Pair<TLabel>(IReadOnlyList<TLabel> classes, IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(scores);
        return [.. classes.Zip(scores, (label, probability) => new ClassProbability<TLabel>(label, probability))];
    }
}
