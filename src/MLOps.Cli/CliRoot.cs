using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using MLOps.Cli.Commands;

namespace MLOps.Cli;

/// <summary>
/// The <c>mlops</c> root command: one subcommand per verb, help that ends with examples, and parse errors
/// mapped to exit code 2 (System.CommandLine's own default is 1, which the design keeps for failed checks).
/// </summary>
internal sealed class CliRoot
{
    private readonly RootCommand _root;

    private CliRoot(RootCommand root) => _root = root;

    public static CliRoot Create()
    {
        var root = new RootCommand("mlops: publish model packages to a NuGet feed (the model registry), read it back, and validate a model's spec and data.")
        {
            PublishCommand.Create(),
            VersionsCommand.Create(),
            LineageCommand.Create(),
            ValidateCommand.Create(),
            SchemaCommand.Create(),
            SummaryCommand.Create(),
        };
        HelpOption help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExampleHelpAction((SynchronousCommandLineAction)help.Action!);
        return new CliRoot(root);
    }

    public int Run(string[] args, TextWriter output, TextWriter error)
    {
        ParseResult parsed = _root.Parse(args);
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        if (parsed.Action is ParseErrorAction)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parsed.Errors)
                error.WriteLine($"error: {parseError.Message}");
            string command = parsed.CommandResult.Command == _root ? "mlops" : $"mlops {parsed.CommandResult.Command.Name}";
            error.WriteLine($"Run '{command} --help' for usage and examples.");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(invocation);
    }
}
