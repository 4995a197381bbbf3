namespace MLOps.Runtime;

/// <summary>
/// Hands a loaded model's classes to every prediction of a type that implements <see cref="IMulticlassPrediction{TLabel}"/>.
/// A prediction type whose label type the model's classes do not have cannot be served (MLOPS6004).
/// </summary>
internal static class ClassBinding
{
    /// <summary>The action that sets the classes on a prediction, or null when <typeparamref name="TOutput"/> does not ask for them.</summary>
    public static Action<TOutput>? For<TOutput>(object? classes, string modelPath)
    {
        Type? label = typeof(TOutput).GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMulticlassPrediction<>))?
            .GetGenericArguments()[0];
        if (label is null)
        {
            return null;
        }

        return classes switch
        {
            IReadOnlyList<string> c when label == typeof(string) => o => ((IMulticlassPrediction<string>)o!).Classes = c,
            IReadOnlyList<float> c when label == typeof(float) => o => ((IMulticlassPrediction<float>)o!).Classes = c,
            IReadOnlyList<bool> c when label == typeof(bool) => o => ((IMulticlassPrediction<bool>)o!).Classes = c,
            _ => throw new ModelLoadException(RuntimeCodes.ClassesMismatch,
                $"'{modelPath}' {(classes is null ? "has no classes (it is not a multiclass model)" : $"has classes of another type than {label.Name}")}, but {typeof(TOutput).Name} is a multiclass prediction of {label.Name} labels. Load it with the typed API generated for this model."),
        };
    }
}
