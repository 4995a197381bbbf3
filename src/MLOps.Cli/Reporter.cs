using MLOps.Core.Diagnostics;

namespace MLOps.Cli;

/// <summary>
/// Writes diagnostics the way compilers and MSBuild do (<c>file(line,col): error MLOPS5001: message</c>),
/// so editors and CI logs link them to the place they apply to. Results go to the output writer,
/// diagnostics to the error writer, coloured only when that writer is a terminal that allows colour (<see cref="StyledWriter"/>).
/// </summary>
internal static class Reporter
{
    public static void Write(TextWriter error, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (Diagnostic diagnostic in diagnostics)
            error.WriteLine(StyledWriter.Paint(error, diagnostic.ToString(), diagnostic.Severity == Severity.Error ? StyledWriter.Red : StyledWriter.Yellow));
    }

    /// <summary>A problem found by the tool itself rather than by the core (so without an MLOPS code).</summary>
    public static int UsageError(TextWriter error, string message)
    {
        error.WriteLine(StyledWriter.Paint(error, $"error: {Visible.Escape(message)}", StyledWriter.Red)); // One line, whatever it quotes.
        return ExitCodes.UsageError;
    }

    /// <summary>
    /// A failure of the tool itself (a bug, not bad input): reported plain or coloured by the same rule as
    /// everything else, with the stack trace a bug report needs; exit code 1, as System.CommandLine's own handler.
    /// </summary>
    public static int InternalError(TextWriter error, Exception exception)
    {
        error.WriteLine(StyledWriter.Paint(error, $"error: mlops failed unexpectedly. This is a bug in mlops; please report it with the command line and this output.{Environment.NewLine}{exception}", StyledWriter.Red));
        return ExitCodes.CheckFailed;
    }
}
