namespace MLOps.Runtime;

/// <summary>How a <see cref="ModelService{TInput, TOutput}"/> finds its model, newer versions of it, and where it logs predictions.</summary>
public sealed class ModelServiceOptions
{
    /// <summary>The model's name (FlightDelay): the folder mlops/&lt;Name&gt;/ and the name reported in <see cref="ModelInfo"/>.</summary>
    public required string ModelName { get; init; }

    /// <summary>The folder the first model is loaded from (default <see cref="ModelDirectory.Default(string)"/>).</summary>
    public string? Directory { get; init; }

    /// <summary>Where newer versions come from; null: a reload re-reads <see cref="Directory"/>.</summary>
    public IModelSource? Source { get; init; }

    /// <summary>How often to ask for a newer version; null: only on <see cref="ModelService{TInput, TOutput}.ReloadAsync"/>.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>The prediction log; null: no log.</summary>
    public PredictionLogOptions? Log { get; init; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelName))
        {
            throw new ModelLoadException(RuntimeCodes.OptionsInvalid, "ModelServiceOptions.ModelName is empty. Give the model's name (the folder under mlops/), for example FlightDelay.");
        }

        if (PollInterval is { } poll && poll <= TimeSpan.Zero)
        {
            throw new ModelLoadException(RuntimeCodes.OptionsInvalid, $"ModelServiceOptions.PollInterval is {poll}. Give a positive interval, or null for no polling.");
        }

        Log?.Validate();
    }
}
