namespace MLOps.Core.Data.Readers;

/// <summary>A CSV file as an <see cref="ITableReader"/>: the first record is the header; every field is the file's text.</summary>
public sealed class CsvTableReader : ITableReader
{
    private readonly CsvReader _csv;

    public CsvTableReader(CsvReader csv)
    {
        _csv = csv;
        if (csv.ReadRecord())
        {
            Columns = [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)];
            HeaderLocation = csv.Line;
        }
    }

    public TableFormat Format => TableFormat.Csv;

    public IReadOnlyList<string> Columns { get; } = [];

    public long HeaderLocation { get; }

    public int FieldCount => _csv.FieldCount;

    public long Location => _csv.Line;

    public bool Stopped => _csv.HasUnterminatedQuote || _csv.HasInvalidBytes;

    public ReadOnlySpan<char> this[int index] => _csv[index];

    public bool IsTypedValue(int index) => false;

    public bool Read() => _csv.ReadRecord();

    public void Dispose() => _csv.Dispose();
}
