namespace MLOps.Pipelines.Tests;

/// <summary>
/// One step of a CI pipeline: a shell command (GitHub <c>run:</c>, Azure <c>script:</c>/<c>bash:</c>) or a reference to
/// an action or task (<c>uses:</c>, <c>task:</c>, <c>checkout:</c>), with the environment the pipeline declares for it
/// (pipeline, job and step <c>env:</c>/<c>variables:</c>, inner ones winning).
/// </summary>
public sealed record PipelineStep(int Line, string? Command, string? Reference, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The build script's arguments when the command runs ./build.sh, else null.</summary>
    public IReadOnlyList<string>? BuildArguments =>
        Command?.Trim() is { } command && command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [("./build.sh" or "./build.ps1"), .. var rest]
            ? rest
            : null;

    /// <summary>The value of --name=value among the build script's arguments.</summary>
    public string? Argument(string name) =>
        BuildArguments?.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..];

    public override string ToString() => $"line {Line}: {Command ?? Reference}";
}
