using System.Collections;

namespace MLOps.Core.Diagnostics;

/// <summary>
/// Collects the diagnostics of one step so it can report every problem it finds, not just the first,
/// and let its host decide how to show them.
/// </summary>
public sealed class DiagnosticBag : IEnumerable<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    /// <summary>Adds a diagnostic, its message on one line: a line break or other invisible character is escaped (<see cref="Visible"/>).</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic with { Message = Visible.Escape(diagnostic.Message) });

    public void Error(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(code, message, file, line, column));

    public void Warning(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(code, message, file, line, column, Severity.Warning));

    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
