using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Scoring;

/// <summary>
/// A data file (CSV, Parquet or JSON Lines), or a folder of them, as an ML.NET <see cref="IDataView"/> that reads one row at a
/// time: every cursor opens the file again and parses only the current row, so scoring a file larger than memory works. Column
/// types are <see cref="TableLoader"/>'s (numbers as <see cref="float"/>, missing: NaN; text; <see cref="DateTime"/>; boolean),
/// values are parsed by the same rules, so a row scores the same whether training loaded it or this view streams it.
/// <see cref="TextColumns"/> adds columns that carry a field's text unparsed (a key copied to the output).
/// The data is expected to be validated already: a value that still does not parse is read as missing, and a file whose
/// reading stops early makes the cursor throw <see cref="InvalidDataException"/>.
/// </summary>
public sealed class StreamingTableView : IDataView
{
    private readonly string _path;
    private readonly ColumnSchema[] _columns;
    private readonly string[] _sources;

    /// <param name="columns">The typed columns, by the schema's declaration.</param>
    /// <param name="textColumns">(view column name, file column name) pairs whose text is copied as it is.</param>
    public StreamingTableView(string path, IReadOnlyList<ColumnSchema> columns, IReadOnlyList<(string Name, string Source)>? textColumns = null)
    {
        _path = path;
        textColumns ??= [];
        _columns = [.. columns, .. textColumns.Select(t => new ColumnSchema(t.Name, ColumnType.Text))];
        _sources = [.. columns.Select(c => c.Name), .. textColumns.Select(t => t.Source)];
        var builder = new DataViewSchema.Builder();
        foreach (ColumnSchema column in _columns)
        {
            builder.AddColumn(column.Name, TypeOf(column.Type));
        }
        Schema = builder.ToSchema();
    }

    public DataViewSchema Schema { get; }

    public bool CanShuffle => false;

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = new bool[_columns.Length];
        foreach (DataViewSchema.Column column in columnsNeeded)
        {
            active[column.Index] = true;
        }
        string[] wanted = [.. _sources.Where((_, i) => active[i]).Distinct(StringComparer.Ordinal)];
        string? problem = null;
        ITableReader reader = TableReader.Open(_path, (code, message, location, field) => problem ??= $"{code} at {location}: {message}", new TableReaderOptions { Columns = wanted });
        try
        {
            return new StreamingCursor(this, reader, active, () => problem);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    // Reading a file is sequential: one cursor.
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    internal ColumnSchema Column(int index) => _columns[index];

    internal int FieldOf(ITableReader reader, int index)
    {
        for (int i = 0; i < reader.Columns.Count; i++)
        {
            if (string.Equals(reader.Columns[i], _sources[index], StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new InvalidDataException($"{_path}: the data has no column {Visible.Quote(_sources[index])}. Validate the data before scoring it.");
    }

    internal string Path => _path;

    private static DataViewType TypeOf(ColumnType type) => type switch
    {
        ColumnType.Integer or ColumnType.Float => NumberDataViewType.Single,
        ColumnType.DateTime => DateTimeDataViewType.Instance,
        ColumnType.Boolean => BooleanDataViewType.Instance,
        _ => TextDataViewType.Instance,
    };
}
