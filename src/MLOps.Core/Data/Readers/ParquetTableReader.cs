using MLOps.Core.Diagnostics;
using Parquet;
using Parquet.Meta.Proto;
using Parquet.Schema;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// A Parquet file, one row group in memory at a time (memory is bounded by the largest row group, not the
/// file). The columns are the file's flat fields (nested and repeated fields, and binary columns, are not
/// offered); only the requested ones are read, the others read as empty. Values other than strings are typed
/// and rendered invariantly (see <see cref="ITableReader"/>). <see cref="Location"/> is the 1-based row. A file
/// that is not Parquet, truncated or corrupt is reported (<see cref="Codes.ParquetFileInvalid"/>) and reading
/// stops; the rows of the row groups before the damage are read.
/// </summary>
public sealed class ParquetTableReader : ITableReader
{
    private readonly ReadProblemHandler? _report;
    private readonly ParquetReader? _parquet;
    private readonly ParquetColumn?[] _values = [];
    private int _group = -1;
    private long _groupRows;
    private int _rowInGroup;

    public ParquetTableReader(string path, ReadProblemHandler? report, IReadOnlyList<string>? requested = null)
    {
        _report = report;
        FileStream stream = TableReader.OpenFile(path); // A missing file throws, as for the other formats.
        try
        {
            _parquet = ParquetReader.CreateAsync(stream, leaveStreamOpen: false).GetAwaiter().GetResult();
        }
        catch (Exception e) when (IsCorrupt(e))
        {
            stream.Dispose();
            Stop(e, "the file is not a Parquet file, or it is truncated (its footer is unreadable)", 0);
            return;
        }
        var wanted = requested is null ? null : new HashSet<string>(requested, StringComparer.Ordinal);
        (DataField Field, ParquetColumn Column)[] flat = [.. _parquet.Schema.Fields.OfType<DataField>()
            .Where(f => !f.IsArray)
            .Select(f => (f, ParquetColumn.Create(f)))
            .Where(p => p.Item2 is not null)!];
        Columns = [.. flat.Select(p => p.Field.Name)];
        _values = [.. flat.Select(p => wanted is null || wanted.Contains(p.Field.Name) ? p.Column : null)];
    }

    public TableFormat Format => TableFormat.Parquet;

    public IReadOnlyList<string> Columns { get; } = [];

    public long HeaderLocation => 0;

    public int FieldCount => Columns.Count;

    public long Location { get; private set; }

    public bool Stopped { get; private set; }

    public ReadOnlySpan<char> this[int index] => _values[index] is { } column ? column.Text(_rowInGroup - 1) : [];

    public bool IsTypedValue(int index) => _values[index]?.IsTyped ?? false;

    public bool Read()
    {
        while (_rowInGroup >= _groupRows)
        {
            if (Stopped || _parquet is null || !LoadNextGroup())
            {
                return false;
            }
        }
        _rowInGroup++;
        Location++;
        return true;
    }

    public void Dispose() => _parquet?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private bool LoadNextGroup()
    {
        if (++_group >= _parquet!.RowGroupCount)
        {
            return false;
        }
        try
        {
            using ParquetRowGroupReader group = _parquet.OpenRowGroupReader(_group);
            _groupRows = group.RowCount;
            _rowInGroup = 0;
            foreach (ParquetColumn? column in _values)
            {
                column?.Load(group, checked((int)group.RowCount));
            }
            return true;
        }
        catch (Exception e) when (IsCorrupt(e))
        {
            _groupRows = 0;
            Stop(e, $"row group {_group + 1} of {_parquet.RowGroupCount} (from row {Location + 1}) cannot be read: the file is truncated or corrupt", Location + 1);
            return false;
        }
    }

    private void Stop(Exception e, string problem, long row)
    {
        Stopped = true;
        _report?.Invoke(Codes.ParquetFileInvalid,
            $"{problem} ({e.GetType().Name}: {e.Message}). Rows after this point were not read. Write the file again (pandas/pyarrow, Spark or Parquet.Net) and check it was copied completely.",
            row, 0);
    }

    // What Parquet.Net and its decompressors throw on bytes that are not a valid file: a decoder of damaged
    // input fails in many ways, none of which is a bug of ours.
    private static bool IsCorrupt(Exception e) =>
        e is IOException or InvalidDataException or ParquetException or ThriftProtocolException or NotSupportedException
            or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException or FormatException
            or AggregateException { InnerException: not null };
}
