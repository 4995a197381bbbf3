namespace MLOps.Runtime;

/// <summary>
/// A multiclass prediction type (the typed API's prediction class of a multiclass model). Its Score vector holds
/// one probability per class without naming them; <see cref="ModelHost{TInput, TOutput}"/> sets
/// <see cref="Classes"/> on every prediction from the loaded model, so Score[i] is the probability of Classes[i].
/// </summary>
/// <typeparam name="TLabel">The label's type: string (categorical), float (integer) or bool (boolean).</typeparam>
public interface IMulticlassPrediction<TLabel>
{
    /// <summary>The model's classes, in the order of its Score vector.</summary>
    IReadOnlyList<TLabel> Classes { get; set; }
}
