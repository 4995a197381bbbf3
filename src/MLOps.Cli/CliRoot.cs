using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using MLOps.Cli.Commands;
using MLOps.Core.Diagnostics;

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
        var root = new RootCommand("mlops: publish model packages to a NuGet feed (the model registry), read it back, promote and roll back versions through stages, validate a model's spec and data, and start a new model from data.")
        {
            PublishCommand.Create(),
            VersionsCommand.Create(),
            LineageCommand.Create(),
            ValidateCommand.Create(),
            SchemaCommand.Create(),
            SummaryCommand.Create(),
            NewCommand.Create(),
            PromoteCommand.Create(),
            RollbackCommand.Create(),
            StagesCommand.Create(),
            HistoryCommand.Create(),
            VerifyCommand.Create(),
            ReleaseCommand.Create(),
            SweepCommand.Create(),
            TrainCommand.Create(),
            RunsCommand.Create(),
            ReportCommand.Create(),
            RetrainWindowCommand.Create(),
            DriftCommand.Create(),
            PredictCommand.Create(),
            MonitorCommand.Create(),
        };
        HelpOption help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExampleHelpAction((SynchronousCommandLineAction)help.Action!);
        return new CliRoot(root);
    }

    public int Run(string[] args, TextWriter output, TextWriter error)
    {
        ParseResult parsed = _root.Parse(args);
        // System.CommandLine's own exception handler colours the console red whatever NO_COLOR says.
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parsed.Action is ParseErrorAction)
        {
            foreach (ParseError parseError in parsed.Errors)
                error.WriteLine(StyledWriter.Paint(error, $"error: {Visible.Escape(parseError.Message)}", StyledWriter.Red));
            string command = CommandPath(parsed.CommandResult);
            error.WriteLine($"Run '{command} --help' for usage and examples.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parsed.Invoke(invocation);
        }
        catch (OperationCanceledException)
        {
            return 130; // Cancelled (Ctrl+C): the shells' 128 + SIGINT.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Reporter.InternalError(error, e); // A bug, not bad input: bad input is reported as diagnostics.
        }
    }

    // "mlops new model", not "mlops model": the help to ask for is the subcommand's, by its full path.
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (CommandResult? c = result; c is not null && c.Command is not RootCommand; c = c.Parent as CommandResult)
            names.Insert(0, c.Command.Name);
        return string.Join(' ', names.Prepend("mlops"));
    }
}
