using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using MLOps.Core.Spec;

namespace MLOps.Core.Training;

/// <summary>
/// One trainer the spec can name: its task, and how to make its ML.NET estimator from an options object
/// whose numeric fields the spec's hyperparameters set by name (so every ML.NET option is reachable
/// without code here).
/// </summary>
public abstract class TrainerDescriptor
{
    protected TrainerDescriptor(string name, TaskType task, bool needsNormalizedFeatures)
    {
        Name = name;
        Task = task;
        NeedsNormalizedFeatures = needsNormalizedFeatures;
    }

    public string Name { get; }

    public TaskType Task { get; }

    /// <summary>Linear trainers converge badly on raw magnitudes (miles next to one-hot 0/1), tree ensembles do not care.</summary>
    public bool NeedsNormalizedFeatures { get; }

    /// <summary>The hyperparameter names this trainer accepts: its options' numeric and boolean members.</summary>
    public abstract IReadOnlyList<string> ParameterNames { get; }

    public abstract IEstimator<ITransformer> Create(MLContext ml, IReadOnlyDictionary<string, double> parameters, int seed, string labelColumn, string featureColumn);

    /// <summary>The hyperparameter that turns on early stopping on the validation split (LightGbm's EarlyStoppingRound); null: none.</summary>
    public string? EarlyStoppingParameter { get; init; }

    /// <summary>Fits the trainer made by <see cref="Create"/> with validation rows (early stopping); null when the trainer cannot.</summary>
    public Func<IEstimator<ITransformer>, IDataView, IDataView, ITransformer>? FitWithValidation { get; init; }
}

/// <summary>A trainer whose options are the ML.NET options class <typeparamref name="TOptions"/>.</summary>
public sealed class TrainerDescriptor<TOptions> : TrainerDescriptor
    where TOptions : TrainerInputBaseWithLabel, new()
{
    private readonly Func<MLContext, TOptions, IEstimator<ITransformer>> _create;
    private readonly Action<TOptions, int> _applySeed;

    public TrainerDescriptor(
        string name,
        TaskType task,
        Func<MLContext, TOptions, IEstimator<ITransformer>> create,
        Action<TOptions, int> applySeed,
        bool needsNormalizedFeatures = false)
        : base(name, task, needsNormalizedFeatures)
    {
        _create = create;
        _applySeed = applySeed;
    }

    public override IReadOnlyList<string> ParameterNames { get; } = OptionMembers.Settable(typeof(TOptions)).Keys.Order(StringComparer.Ordinal).ToArray();

    public override IEstimator<ITransformer> Create(MLContext ml, IReadOnlyDictionary<string, double> parameters, int seed, string labelColumn, string featureColumn)
    {
        var options = new TOptions { LabelColumnName = labelColumn, FeatureColumnName = featureColumn };
        _applySeed(options, seed);
        var members = OptionMembers.Settable(typeof(TOptions));
        foreach (var (name, value) in parameters)
        {
            members[name].Set(options, value);
        }

        return _create(ml, options);
    }
}

/// <summary>Reads and writes the numeric and boolean public fields of an ML.NET options class by name.</summary>
internal static class OptionMembers
{
    public sealed record Member(Type Type, Action<object, object?> Setter)
    {
        public void Set(object target, double value)
        {
            Type t = Nullable.GetUnderlyingType(Type) ?? Type;
            object converted = t == typeof(bool) ? value != 0 : Convert.ChangeType(value, t, System.Globalization.CultureInfo.InvariantCulture);
            Setter(target, converted);
        }
    }

    private static readonly Type[] Supported = [typeof(int), typeof(long), typeof(float), typeof(double), typeof(bool)];

    public static IReadOnlyDictionary<string, Member> Settable(Type optionsType)
    {
        var result = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (FieldInfo f in optionsType.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Type t = Nullable.GetUnderlyingType(f.FieldType) ?? f.FieldType;
            if (Array.IndexOf(Supported, t) >= 0 && !f.IsInitOnly)
            {
                result[f.Name] = new Member(f.FieldType, f.SetValue);
            }
        }

        return result;
    }
}
