namespace MLOps.Cli;

/// <summary>
/// Whether output may carry ANSI colour: only when it goes to a terminal (not redirected to a file or a
/// pipe), and never when <c>NO_COLOR</c> is set to anything (https://no-color.org) or <c>TERM</c> is <c>dumb</c>.
/// </summary>
internal static class Terminal
{
    public static bool AllowsColor(bool redirected, Func<string, string?> environment) =>
        !redirected && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") != "dumb";
}
