using System.CommandLine;
using System.CommandLine.Invocation;

namespace MLOps.Cli;

/// <summary>The standard help, followed by the command's examples (<see cref="CliCommand.Examples"/>).</summary>
internal sealed class ExampleHelpAction(SynchronousCommandLineAction standardHelp) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        int result = standardHelp.Invoke(parseResult);
        IReadOnlyList<string> examples = parseResult.CommandResult.Command switch
        {
            CliCommand command => command.Examples,
            RootCommand root => root.Subcommands.OfType<CliCommand>().Select(c => c.Examples[0]).ToList(),
            _ => [],
        };
        if (examples.Count > 0)
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (string example in examples)
                output.WriteLine($"  {example}");
            output.WriteLine();
        }

        return result;
    }
}
