using MLOps.Core.SourceControl;

namespace MLOps.Cli.Progress;

/// <summary>Chooses how a command shows progress: live only where a person watches a terminal.</summary>
internal static class ProgressReporters
{
    /// <summary>
    /// Spectre.Console's live display when <paramref name="writer"/> is a terminal that allows colour (not redirected,
    /// no NO_COLOR, TERM not dumb: <see cref="Terminal.AllowsColor"/>) and no CI system is detected (CI=true, GitHub
    /// Actions, Azure Pipelines); plain lines otherwise: a CI log or a file would fill with redrawn frames.
    /// </summary>
    public static IProgressReporter For(TextWriter writer, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        bool interactive = writer is StyledWriter { Color: true } && !CiEnvironment.Detect(environment, () => "").IsCi;
        return interactive ? new SpectreProgressReporter(writer) : new PlainProgressReporter(writer);
    }
}
