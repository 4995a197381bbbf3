namespace MLOps.Runtime;

/// <summary>
/// An answer and the model that gave it. <see cref="ModelService{TInput, TOutput}"/> captures one model for a whole
/// call, so <see cref="Model"/> is exactly the model that computed <see cref="Value"/>, even while versions swap.
/// </summary>
public readonly record struct Served<T>(T Value, ModelInfo Model, string RequestId);
