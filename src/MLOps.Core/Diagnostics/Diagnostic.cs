namespace MLOps.Core.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>
/// One problem found in the user's input: a searchable code (MLOPS + 4 digits, listed in
/// docs/diagnostics.md), a message that says what was found, what was expected and what to do,
/// and the place it applies to. Hosts (MSBuild tasks, the CLI) render it in their own format.
/// </summary>
public sealed record Diagnostic(
    string Code,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0,
    Severity Severity = Severity.Error)
{
    public override string ToString()
    {
        string where = File is null ? "" : Line > 0 ? $"{File}({Line}{(Column > 0 ? $",{Column}" : "")}): " : $"{File}: ";
        return $"{where}{(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
    }
}
