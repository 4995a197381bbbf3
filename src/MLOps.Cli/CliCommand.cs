using System.CommandLine;

namespace MLOps.Cli;

/// <summary>A subcommand of <c>mlops</c> that carries the examples its help ends with.</summary>
internal sealed class CliCommand(string name, string description, params string[] examples) : Command(name, description)
{
    public IReadOnlyList<string> Examples { get; } = examples;
}
