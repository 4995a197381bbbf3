using MLOps.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Spec;

/// <summary>
/// Parses the spec file's YAML. Every way YamlDotNet can fail on bad text becomes one MLOPS0002 at the
/// line and column of the cause, never an exception: its syntax and semantic errors (<see cref="YamlException"/>)
/// and the <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/> it throws on some
/// malformed input (a flow mapping left open across lines).
/// </summary>
internal static class SpecYaml
{
    public static YamlStream? Parse(string path, DiagnosticBag bag)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.SpecNotFound, $"Model spec '{path}' cannot be read: {e.Message} Check that the file is readable.", path);
            return null;
        }

        var scanner = new TrackingScanner(new Scanner(new StringReader(text)));
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new Parser(scanner));
            return yaml;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            Report(path, text, scanner, e, bag);
            return null;
        }
    }

    private static void Report(string path, string text, TrackingScanner scanner, Exception e, DiagnosticBag bag)
    {
        Mark stop = e is YamlException { Start: var start } && !start.Equals(Mark.Empty) ? start
            : e is AnchorNotFoundException && scanner.UndefinedAlias is { } alias ? alias
            : scanner.CurrentPosition;
        string reason = e is YamlException ? $"{e.Message.TrimEnd('.')}." : "the YAML parser could not continue here.";
        if (FlowBrackets.Unclosed(text, stop.Line, stop.Column) is var (bracket, line, column) && line < stop.Line)
        {
            char close = bracket == '{' ? '}' : ']';
            bag.Error(Codes.SpecSyntax,
                $"The spec is not valid YAML: the '{bracket}' opened here is never closed (parsing stopped at line {stop.Line}, column {stop.Column}: {reason.TrimEnd('.')}). Close it with '{close}' on its line, or quote a value that starts with '{bracket}'.",
                path, line, column);
            return;
        }

        bag.Error(Codes.SpecSyntax, $"The spec is not valid YAML: {reason} Fix the YAML at this line and column (indent with spaces, not tabs; close every bracket and quote).", path, (int)stop.Line, (int)stop.Column);
    }
}
