namespace MLOps.Cli.Progress;

/// <summary>
/// How a command shows its long steps (loading, validating, training, evaluating, sweeping): a live status or
/// progress bar in an interactive terminal (<see cref="SpectreProgressReporter"/>), plain one-line messages in CI logs
/// and redirected output (<see cref="PlainProgressReporter"/>). <see cref="ProgressReporters.For"/> picks one.
/// </summary>
internal interface IProgressReporter
{
    /// <summary>Runs one step; <paramref name="work"/> may report what it is doing now through the action it gets.</summary>
    T Step<T>(string description, Func<Action<string>, T> work);

    /// <summary>Runs <paramref name="total"/> counted units of work (trials, models); <paramref name="work"/> calls the action it gets once per unit done.</summary>
    void Count(string description, int total, Action<Action> work);
}
