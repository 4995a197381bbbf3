using MLOps.Core.Diagnostics;

namespace MLOps.Cli;

/// <summary>
/// Writes diagnostics the way compilers and MSBuild do (<c>file(line,col): error MLOPS5001: message</c>),
/// so editors and CI logs link them to the place they apply to. Results go to the output writer,
/// diagnostics to the error writer.
/// </summary>
internal static class Reporter
{
    public static void Write(TextWriter error, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (Diagnostic diagnostic in diagnostics)
            error.WriteLine(diagnostic.ToString());
    }

    /// <summary>A problem found by the tool itself rather than by the core (so without an MLOPS code).</summary>
    public static int UsageError(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.UsageError;
    }
}
