namespace MLOps.Cli;

/// <summary>
/// The entry point of the <c>mlops</c> tool. <see cref="Run"/> takes its writers so tests call the tool
/// in-process and read exactly what a user would see.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(
        args,
        new StyledWriter(Console.Out, Terminal.AllowsColor(Console.IsOutputRedirected, Environment.GetEnvironmentVariable)),
        new StyledWriter(Console.Error, Terminal.AllowsColor(Console.IsErrorRedirected, Environment.GetEnvironmentVariable)));

    /// <summary>Parses and runs one command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        CliRoot.Create().Run(args, output, error);
}
