namespace MLOps.Pipelines.Tests;

/// <summary>
/// One step of a CI pipeline: a shell command (GitHub <c>run:</c>, Azure <c>script:</c>/<c>bash:</c>) or a reference to
/// an action or task (<c>uses:</c>, <c>task:</c>, <c>checkout:</c>), with the environment the pipeline declares for it
/// (pipeline, job and step <c>env:</c>/<c>variables:</c>, inner ones winning).
/// </summary>
public sealed record PipelineStep(int Line, string? Command, string? Reference, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// The build script's arguments when the command runs ./build.sh, else null; an argument the pipeline passes only when a
    /// variable is set (<c>${VAR:+--name=value}</c>, so an empty input leaves it out instead of passing an empty value) as
    /// <c>--name=value</c>.
    /// </summary>
    public IReadOnlyList<string>? BuildArguments =>
        Command?.Trim() is { } command && command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [("./build.sh" or "./build.ps1"), .. var rest]
            ? [.. rest.Select(Unconditional)]
            : null;

    /// <summary>The value of --name=value among the build script's arguments.</summary>
    public string? Argument(string name) =>
        BuildArguments?.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..];

    private static string Unconditional(string argument) =>
        System.Text.RegularExpressions.Regex.Match(argument, @"^\$\{\w+:\+(?<argument>.*)\}$") is { Success: true } match ? match.Groups["argument"].Value : argument;

    public override string ToString() => $"line {Line}: {Command ?? Reference}";
}
