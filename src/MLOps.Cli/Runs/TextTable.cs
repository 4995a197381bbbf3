namespace MLOps.Cli.Runs;

/// <summary>Rows of cells printed in aligned columns (two spaces apart), numbers right-aligned, nothing after the last cell.</summary>
internal sealed class TextTable(params string[] header)
{
    private readonly List<string[]> _rows = [header];
    private readonly HashSet<int> _rightAligned = [];

    public int RowCount => _rows.Count - 1;

    public TextTable AlignRight(params int[] columns)
    {
        _rightAligned.UnionWith(columns);
        return this;
    }

    // A tag or param may hold a line break: escaped, so one row stays one line.
    public void Add(params string[] cells) => _rows.Add([.. cells.Select(MLOps.Core.Diagnostics.Visible.Escape)]);

    public void Write(TextWriter output)
    {
        int columns = _rows.Max(r => r.Length);
        int[] widths = [.. Enumerable.Range(0, columns).Select(c => _rows.Max(r => c < r.Length ? r[c].Length : 0))];
        foreach (string[] row in _rows)
        {
            IEnumerable<string> cells = row.Select((cell, c) => _rightAligned.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
