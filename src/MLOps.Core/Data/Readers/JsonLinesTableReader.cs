using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// JSON Lines: one JSON object per line, fields by property name. The columns are those asked for (an absent
/// property or <c>null</c> is a missing value; other properties are ignored), or without a list the first
/// object's properties. Strings are text; numbers keep their JSON spelling and booleans read
/// <c>true</c>/<c>false</c> (typed values); a nested object or array is its raw JSON text. A line that is not
/// UTF-8, not a JSON object, or longer than the limit is reported and skipped; blank lines are skipped.
/// Memory is one line (at most the limit) plus its values.
/// </summary>
public sealed class JsonLinesTableReader : ITableReader
{
    private readonly Stream _stream;
    private readonly ReadProblemHandler? _report;
    private readonly int _maxLineBytes;
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup =
        new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly bool _discovering;
    private bool _pending;
    private byte[] _bytes = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _nextLine = 1;
    private char[] _chars = new char[1 << 12];
    private char[] _name = new char[64];
    private int _charCount;
    private int[] _starts = [];
    private int[] _lengths = [];
    private bool[] _typed = [];
    private bool[] _seen = [];

    public JsonLinesTableReader(Stream stream, ReadProblemHandler? report, IReadOnlyList<string>? columns, int maxLineBytes = TableReaderOptions.DefaultMaxRecordLength)
    {
        _stream = stream;
        _report = report;
        _maxLineBytes = maxLineBytes;
        foreach (string column in columns ?? [])
        {
            AddColumn(column);
        }
        _discovering = columns is null;
        if (_discovering)
        {
            _pending = ReadLine();
            _discovering = false;
        }
    }

    public TableFormat Format => TableFormat.JsonLines;

    public IReadOnlyList<string> Columns => _columns;

    public long HeaderLocation => 0;

    public int FieldCount => _columns.Count;

    public long Location { get; private set; }

    public bool Stopped => false;

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _lengths[index]);

    public bool IsTypedValue(int index) => _typed[index];

    public bool Read()
    {
        if (_pending)
        {
            _pending = false;
            return true;
        }
        return ReadLine();
    }

    public void Dispose() => _stream.Dispose();

    private void AddColumn(string name)
    {
        if (_lookup.Dictionary.TryAdd(name, _columns.Count))
        {
            _columns.Add(name);
            Array.Resize(ref _starts, _columns.Count);
            Array.Resize(ref _lengths, _columns.Count);
            Array.Resize(ref _typed, _columns.Count);
            Array.Resize(ref _seen, _columns.Count);
        }
    }

    // Reads lines until one is a valid object; false at the end of the file.
    private bool ReadLine()
    {
        while (NextLine(out ReadOnlySpan<byte> line))
        {
            long number = _nextLine - 1;
            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }
            if (!Utf8.IsValid(line))
            {
                _report?.Invoke(Codes.DataNotUtf8, $"the line has bytes that are not valid UTF-8, so it was skipped. Save the file as UTF-8 (JSON Lines must be UTF-8).", number, 0);
                continue;
            }
            if (Parse(line, number))
            {
                Location = number;
                return true;
            }
        }
        return false;
    }

    private bool Parse(ReadOnlySpan<byte> line, long number)
    {
        if (_chars.Length < line.Length)
        {
            _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
        }
        Array.Clear(_lengths);
        Array.Clear(_typed);
        Array.Clear(_seen);
        _charCount = 0;
        var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                _report?.Invoke(Codes.JsonLineNotObject, $"the line holds a JSON {Describe(reader.TokenType)}, not an object, so it was skipped. Write one object per line: {{\"column\": value, ...}}.", number, 0);
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = Lookup(ref reader);
                reader.Read();
                if (field >= 0 && _seen[field])
                {
                    _report?.Invoke(Codes.HeaderDuplicateColumn, $"the object has property {Visible.Quote(_columns[field])} twice; the first value is used. Give each property once.", number, 0);
                    field = -1;
                }
                if (field >= 0)
                {
                    _seen[field] = true;
                }
                ReadValue(ref reader, line, field);
            }
            // Anything after the object ("{} x", "{}{}") makes the reader throw here.
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException e)
        {
            string message = e.Message.Split(" LineNumber:")[0].TrimEnd();
            _report?.Invoke(Codes.JsonLineNotObject, $"the line is not valid JSON ({message} At byte {e.BytePositionInLine + 1}), so it was skipped. Write one JSON object per line.", number, 0);
            return false;
        }
    }

    private int Lookup(ref Utf8JsonReader reader)
    {
        if (_name.Length < reader.ValueSpan.Length)
        {
            _name = new char[reader.ValueSpan.Length * 2];
        }
        ReadOnlySpan<char> name = _name.AsSpan(0, reader.CopyString(_name));
        if (_lookup.TryGetValue(name, out int field))
        {
            return field;
        }
        if (_discovering)
        {
            AddColumn(name.ToString());
            return _columns.Count - 1;
        }
        return -1;
    }

    private void ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, int field)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            int start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (field >= 0)
            {
                Set(field, Encoding.UTF8.GetChars(line[start..(int)reader.BytesConsumed], _chars.AsSpan(_charCount)), typed: false);
            }
            return;
        }
        if (field < 0)
        {
            return;
        }
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                Set(field, reader.CopyString(_chars.AsSpan(_charCount)), typed: false);
                break;
            case JsonTokenType.Number:
                Set(field, Encoding.UTF8.GetChars(reader.ValueSpan, _chars.AsSpan(_charCount)), typed: true);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                string text = reader.TokenType == JsonTokenType.True ? "true" : "false";
                text.CopyTo(_chars.AsSpan(_charCount));
                Set(field, text.Length, typed: true);
                break;
        }
    }

    private void Set(int field, int length, bool typed)
    {
        _starts[field] = _charCount;
        _lengths[field] = length;
        _typed[field] = typed;
        _charCount += length;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };

    // The next physical line without its '\n'; a line longer than the limit is reported and skipped.
    private bool NextLine(out ReadOnlySpan<byte> line)
    {
        int scanned = 0;
        while (true)
        {
            int newline = _bytes.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = _bytes.AsSpan(_start, scanned + newline);
                _start += scanned + newline + 1;
                _nextLine++;
                return true;
            }
            scanned = _end - _start;
            if (_endOfStream)
            {
                line = _bytes.AsSpan(_start, scanned);
                _start = _end;
                _nextLine++;
                return scanned > 0;
            }
            if (scanned >= _maxLineBytes)
            {
                SkipLongLine();
                scanned = 0;
                continue;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_bytes, _start, _bytes, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(_bytes.Length * 2L, _maxLineBytes + 1L));
        }
        int read = _stream.Read(_bytes, _end, _bytes.Length - _end);
        _end += read;
        _endOfStream = read == 0;
    }

    private void SkipLongLine()
    {
        _report?.Invoke(Codes.RecordTooLong, $"the line is longer than {_maxLineBytes:N0} bytes, so it was skipped. Check for a missing line break; split huge values into rows or store them elsewhere.", _nextLine, 0);
        while (true)
        {
            _start = _end = 0;
            int read = _stream.Read(_bytes, 0, _bytes.Length);
            int newline = _bytes.AsSpan(0, read).IndexOf((byte)'\n');
            if (read == 0 || newline >= 0)
            {
                _endOfStream = read == 0;
                _start = newline + 1;
                _end = read;
                _nextLine++;
                return;
            }
        }
    }
}
