namespace MLOps.Core.Spec;

/// <summary>
/// The spec's <c>sweep:</c> section (docs/sweeps.md): a search over the trainer's hyperparameters, judged by
/// <see cref="Metric"/> on the validation split. <see cref="Trials"/> and <see cref="Seed"/> apply to random only;
/// <see cref="Parallel"/> is the number of trial processes at once (null: the processor count).
/// Parameters are kept in ordinal name order, so reordering them in the file changes no trial.
/// </summary>
public sealed record SweepSpec(
    string Metric,
    SweepStrategy Strategy,
    int? Trials,
    int Seed,
    int? Parallel,
    IReadOnlyList<SweepParameter> Parameters,
    int Line)
{
    /// <summary>The largest plan a sweep runs (a grid's product); more is almost always a typo in a list.</summary>
    public const int MaxTrials = 1000;

    /// <summary>The metric a sweep judges when the spec names none: the task's primary one.</summary>
    public static string DefaultMetric(TaskType task) => task switch
    {
        TaskType.MulticlassClassification => "macro_accuracy",
        TaskType.Regression => "r_squared",
        _ => "auc",
    };
}

public enum SweepStrategy { Grid, Random }

public enum SweepScale { Linear, Log }

/// <summary>One hyperparameter's search space, by its ML.NET option name.</summary>
public abstract record SweepParameter(string Name, int Line);

/// <summary>Listed values: every one of them in a grid, one drawn per trial in a random sweep.</summary>
public sealed record SweepChoice(string Name, IReadOnlyList<double> Values, int Line) : SweepParameter(Name, Line);

/// <summary>A range for random sweeps: drawn uniformly on its <see cref="Scale"/>, whole numbers when <see cref="Integer"/>.</summary>
public sealed record SweepRange(string Name, double Min, double Max, SweepScale Scale, bool Integer, int Line) : SweepParameter(Name, Line);
