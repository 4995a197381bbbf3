using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// A folder of data files (<see cref="DataFiles"/>) read as one table: its parts one after another, each with the
/// reader its extension calls for, one part open at a time. The first part with columns gives them; a later part
/// with other columns (names or order) is reported (<see cref="Codes.DataPartColumnsDiffer"/>) and its rows are not
/// read, since its values would land under the wrong names. JSON Lines parts have no header: once the first part
/// has named the columns, the others are read by those names. A folder mixing extensions, or without data files,
/// is reported and nothing is read. <see cref="Location"/> is within the current part; each part is announced to
/// <c>partOpened</c> before it is opened, so a caller can name it in what it reports. Unlike a single file's reader,
/// reading goes on after a part stops (or is skipped), so one pass reports every part's problems; <see cref="Stopped"/>
/// says some rows were not read.
/// </summary>
public sealed class FolderTableReader : ITableReader
{
    private readonly DataFiles _data;
    private readonly ReadProblemHandler? _report;
    private readonly Action<string>? _partOpened;
    private readonly TableReaderOptions _options;
    private ITableReader? _current;
    private readonly string _firstName = "";
    private int _next;

    public FolderTableReader(DataFiles data, ReadProblemHandler? report, TableReaderOptions options, Action<string>? partOpened)
    {
        _data = data;
        _report = report;
        _options = options;
        _partOpened = partOpened;
        string[] extensions = [.. data.Files.Select(f => Path.GetExtension(f).ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
        if (extensions.Length != 1)
        {
            Stopped = true;
            if (extensions.Length == 0)
            {
                report?.Invoke(Codes.DataFolderHasNoDataFiles,
                    $"the data folder has no data file directly in it (a file ending in {string.Join(", ", DataFiles.Extensions)}; names starting with '.' or '_' and subfolders are not read). Put the parts in the folder itself, or point data.path at a file.", 0, 0);
            }
            else
            {
                string counts = string.Join(", ", extensions.Select(e => $"{data.Files.Count(f => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))} {e}"));
                report?.Invoke(Codes.DataFolderMixedFormats,
                    $"the data folder mixes data files of {extensions.Length} kinds ({counts}), so nothing was read: one folder is one table in one format. Move the files of the other formats (a leftover conversion?) out of the folder.", 0, 0);
            }
            return;
        }
        Format = TableReader.FormatOf(data.Files[0]);
        // An empty part (no header, no rows) cannot give the columns; the first part that has some does.
        while (_next < data.Files.Count && (_current is null || _current.Columns.Count == 0))
        {
            Stopped |= _current?.Stopped ?? false;
            _current?.Dispose();
            _current = OpenNext();
        }
        Columns = _current!.Columns;
        HeaderLocation = _current.HeaderLocation;
        _firstName = data.NameOf(data.Files[_next - 1]);
        if (Format == TableFormat.JsonLines && options.Columns is null)
        {
            _options = options with { Columns = [.. Columns] };
        }
    }

    public TableFormat Format { get; }

    /// <summary>How many data files the folder holds.</summary>
    public int PartCount => _data.Files.Count;

    public IReadOnlyList<string> Columns { get; } = [];

    public long HeaderLocation { get; }

    public int FieldCount => _current?.FieldCount ?? 0;

    public long Location => _current?.Location ?? 0;

    public bool Stopped { get; private set; }

    public ReadOnlySpan<char> this[int index] => _current![index];

    public bool IsTypedValue(int index) => _current!.IsTypedValue(index);

    public bool Read()
    {
        while (_current is not null)
        {
            if (_current.Read())
            {
                return true;
            }
            Stopped |= _current.Stopped;
            _current.Dispose();
            _current = null; // Not disposed twice if opening the next part throws.
            _current = OpenNextMatching();
        }
        return false;
    }

    public void Dispose() => _current?.Dispose();

    // The next part with the first part's columns (or none at all: an empty file has no rows to misplace).
    private ITableReader? OpenNextMatching()
    {
        while (_next < _data.Files.Count)
        {
            ITableReader part = OpenNext();
            if (part.Columns.Count == 0 || part.Columns.SequenceEqual(Columns, StringComparer.Ordinal))
            {
                return part;
            }
            Stopped = true;
            _report?.Invoke(Codes.DataPartColumnsDiffer, Differ(_data.NameOf(_data.Files[_next - 1]), part.Columns), part.HeaderLocation, 0);
            part.Dispose();
        }
        return null;
    }

    private string Differ(string name, IReadOnlyList<string> found)
    {
        string[] missing = [.. Columns.Except(found, StringComparer.Ordinal)];
        string[] extra = [.. found.Except(Columns, StringComparer.Ordinal)];
        string how = missing.Length + extra.Length == 0
            ? "the same names in another order"
            : string.Join("; ", new[] { (missing, "missing"), (extra, "not in the first part") }.Where(d => d.Item1.Length > 0).Select(d => $"{d.Item2}: {Visible.List(d.Item1)}"));
        return $"part {Visible.Quote(name)} has columns {Visible.List(found)}, but the folder's first part {Visible.Quote(_firstName)} has {Visible.List(Columns)} ({how}). " +
            "Every part must have the same columns in the same order, so its rows were not read. Export the parts with one schema, or move this file out of the folder.";
    }

    private ITableReader OpenNext()
    {
        string file = _data.Files[_next++];
        _partOpened?.Invoke(file);
        return TableReader.OpenFileReader(file, _report, _options);
    }
}
