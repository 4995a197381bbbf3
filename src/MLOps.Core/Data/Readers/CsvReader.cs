using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields with <c>""</c> escapes, separators and newlines inside quotes,
/// <c>\n</c> or <c>\r\n</c> line ends, UTF-8 with or without BOM. Blank lines are skipped.
/// Fields are views into one reused buffer (no allocation per field); they are valid until the next
/// <see cref="ReadRecord"/>. A quote opens a quoted field only at the start of a field; elsewhere it is text.
/// An unterminated quote ends the file with an <see cref="Codes.UnterminatedQuote"/> diagnostic, not an exception;
/// so does a byte that is not UTF-8 (<see cref="Codes.DataNotUtf8"/>, files opened with <see cref="Open(string, char, DiagnosticBag?)"/>).
/// A record longer than the limit (16 Mi chars by default) is reported (<see cref="Codes.RecordTooLong"/>) and
/// skipped up to the next line break, so memory stays bounded whatever the file holds.
/// </summary>
public sealed class CsvReader : IDisposable
{
    internal const int InitialBufferSize = 1 << 16;

    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly ReadProblemHandler? _report;
    private readonly int _maxRecordLength;
    private char[] _buffer;
    private int _length;     // chars of _buffer holding data
    private int _position;   // start of the first char not yet returned as part of a record
    private bool _endOfInput;
    private long _nextLine = 1;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private bool _resynchronized; // a too-long record was skipped: scan again from _position

    public CsvReader(TextReader reader, char separator = ',', DiagnosticBag? bag = null, string? displayPath = null,
        int bufferSize = InitialBufferSize, int maxRecordLength = TableReaderOptions.DefaultMaxRecordLength)
        : this(reader, separator, bag is null ? null : (code, message, line, field) => bag.Error(code, message, displayPath, TableReader.ClampLine(line), field), bufferSize, maxRecordLength)
    {
    }

    internal CsvReader(TextReader reader, char separator, ReadProblemHandler? report, int bufferSize, int maxRecordLength)
    {
        if (separator is '"' or '\n' or '\r')
        {
            throw new ArgumentException("The separator cannot be a quote or a line break.", nameof(separator));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordLength, 16);
        _reader = reader;
        _separator = separator;
        _report = report;
        _maxRecordLength = maxRecordLength;
        _buffer = new char[Math.Clamp(bufferSize, 16, maxRecordLength)];
    }

    /// <summary>Opens a file (UTF-8; a BOM is skipped; an invalid byte is reported and ends the input). Diagnostics name the file as <paramref name="path"/>.</summary>
    public static CsvReader Open(string path, char separator = ',', DiagnosticBag? bag = null) =>
        new(new StrictUtf8Reader(TableReader.OpenFile(path)), separator, bag, path);

    internal static CsvReader Open(string path, char separator, ReadProblemHandler? report, int maxRecordLength) =>
        new(new StrictUtf8Reader(TableReader.OpenFile(path)), separator, report, InitialBufferSize, maxRecordLength);

    /// <summary>Fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>1-based physical line on which the current record starts (records may span lines inside quotes).</summary>
    public long Line { get; private set; }

    /// <summary>True once an unterminated quote has ended the input.</summary>
    public bool HasUnterminatedQuote { get; private set; }

    /// <summary>True once a byte that is not UTF-8 has ended the input.</summary>
    public bool HasInvalidBytes { get; private set; }

    /// <summary>The field's text, unquoted and unescaped; valid until the next <see cref="ReadRecord"/>.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)FieldCount, nameof(index));
            return _buffer.AsSpan(_starts[index], _lengths[index]);
        }
    }

    public ReadOnlyMemory<char> GetMemory(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)FieldCount, nameof(index));
        return _buffer.AsMemory(_starts[index], _lengths[index]);
    }

    public string GetString(int index) => this[index].ToString();

    /// <summary>Moves to the next record; false at the end of the input (or after an unterminated quote).</summary>
    public bool ReadRecord()
    {
        while (!HasUnterminatedQuote && !HasInvalidBytes && FindRecordEnd(out int end, out int next, out int lastOpenQuote, out bool unterminated))
        {
            int start = _position;
            long line = _nextLine;
            bool quoted = lastOpenQuote >= 0;
            // Count lines before Split: unescaping in place leaves stale chars behind.
            _nextLine += quoted ? _buffer.AsSpan(start, next - start).Count('\n') : (next > end && _buffer[next - 1] == '\n' ? 1 : 0);
            if (unterminated)
            {
                HasUnterminatedQuote = true;
                long quoteLine = line + _buffer.AsSpan(start, lastOpenQuote - start).Count('\n');
                Split(start, end, quoted);
                _position = next;
                _report?.Invoke(Codes.UnterminatedQuote,
                    $"a quoted field (field {FieldCount}) is never closed, so the rest of the file was read as one value. Add the closing '\"' (write a quote inside a quoted field as '\"\"').",
                    quoteLine, FieldCount);
                break;
            }
            Split(start, end, quoted);
            _position = next;
            if (end > start || quoted)
            {
                Line = line;
                return true;
            }
        }
        FieldCount = 0;
        return false;
    }

    // Finds where the record starting at _position ends without changing the buffer, so a record cut by the
    // end of the buffer can be resumed after a refill. Only quote state matters: separators are split later.
    private bool FindRecordEnd(out int end, out int next, out int lastOpenQuote, out bool unterminated)
    {
        int scan = _position;
        bool inQuotes = false;
        lastOpenQuote = -1;
        unterminated = false;
        while (true)
        {
            ReadOnlySpan<char> rest = _buffer.AsSpan(scan, _length - scan);
            int i = inQuotes ? rest.IndexOf('"') : rest.IndexOfAny('"', '\n');
            if (i >= 0)
            {
                int at = scan + i;
                if (_buffer[at] == '\n')
                {
                    next = at + 1;
                    end = at > _position && _buffer[at - 1] == '\r' ? at - 1 : at;
                    return true;
                }
                if (!inQuotes)
                {
                    // Only a quote that starts a field opens a quoted field.
                    if (at == _position || _buffer[at - 1] == _separator)
                    {
                        inQuotes = true;
                        lastOpenQuote = at;
                    }
                    scan = at + 1;
                    continue;
                }
                if (at + 1 < _length)
                {
                    // "" is an escaped quote; any other quote closes the field.
                    inQuotes = _buffer[at + 1] == '"';
                    scan = at + (inQuotes ? 2 : 1);
                    continue;
                }
                if (_endOfInput)
                {
                    inQuotes = false;
                    scan = at + 1;
                    continue;
                }
                scan = at; // Look at this quote again once the next char is in the buffer.
            }
            else
            {
                scan = _length;
            }

            if (_endOfInput)
            {
                end = next = _length;
                if (_reader is StrictUtf8Reader { InvalidByteOffset: >= 0 } strict)
                {
                    ReportInvalidBytes(strict);
                    return false;
                }
                if (_position == _length)
                {
                    return false;
                }
                if (!inQuotes && _buffer[end - 1] == '\r')
                {
                    end--;
                }
                unterminated = inQuotes;
                return true;
            }
            int shift = Refill();
            scan -= shift;
            lastOpenQuote -= lastOpenQuote >= 0 ? shift : 0;
            if (_resynchronized)
            {
                _resynchronized = false;
                scan = _position;
                inQuotes = false;
                lastOpenQuote = -1;
            }
        }
    }

    // The record cut short by the bad byte is dropped: its values would be wrong.
    private void ReportInvalidBytes(StrictUtf8Reader strict)
    {
        HasInvalidBytes = true;
        long line = _nextLine + _buffer.AsSpan(_position, _length - _position).Count('\n');
        _report?.Invoke(Codes.DataNotUtf8,
            $"byte 0x{strict.InvalidByte:X2} at byte offset {strict.InvalidByteOffset} is not valid UTF-8, so reading stopped at this line. Save the file as UTF-8 (with or without BOM); a file written as Latin-1 or Windows-1252 has this problem with accented letters.",
            line, 0);
    }

    // The record that fills the whole buffer at its limit is skipped up to the next line break (inside quotes or
    // not: the line count stays exact), and reading resumes there.
    private void SkipLongRecord()
    {
        long line = _nextLine;
        _nextLine += _buffer.AsSpan(0, _length).Count('\n');
        while (true)
        {
            int read = _reader.Read(_buffer, 0, _buffer.Length);
            int newline = _buffer.AsSpan(0, read).IndexOf('\n');
            if (read == 0 || newline >= 0)
            {
                _nextLine += read == 0 ? 0 : 1;
                _length = read == 0 ? 0 : read - newline - 1;
                Array.Copy(_buffer, newline + 1, _buffer, 0, _length);
                _endOfInput = read == 0;
                break;
            }
        }
        _position = 0;
        _resynchronized = true;
        _report?.Invoke(Codes.RecordTooLong,
            $"the record starting on this line is longer than {_maxRecordLength:N0} characters, so it was skipped up to the next line break. Check for a missing line break or a quote that opens a huge field; split such values into rows or store them elsewhere.",
            line, 0);
    }

    // Keeps the unfinished record, makes room (growing only for a record larger than the buffer) and reads more.
    // Returns how far the data moved towards the start of the buffer.
    private int Refill()
    {
        int shift = _position;
        if (shift > 0)
        {
            Array.Copy(_buffer, shift, _buffer, 0, _length - shift);
            _length -= shift;
            _position = 0;
        }
        if (_length == _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordLength)
            {
                SkipLongRecord();
                return shift;
            }
            Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, _maxRecordLength));
        }
        int read = _reader.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        _endOfInput = read == 0;
        return shift;
    }

    // Splits [start, end) into fields. Quoted fields are unescaped in place: the text only gets shorter.
    private void Split(int start, int end, bool quoted)
    {
        FieldCount = 0;
        int p = start;
        while (true)
        {
            int fieldStart = p;
            int written = p;
            if (quoted && p < end && _buffer[p] == '"')
            {
                int r = p + 1;
                while (true)
                {
                    int q = _buffer.AsSpan(r, end - r).IndexOf('"');
                    int stop = q < 0 ? end : r + q;
                    _buffer.AsSpan(r, stop - r).CopyTo(_buffer.AsSpan(written));
                    written += stop - r;
                    if (q >= 0 && stop + 1 < end && _buffer[stop + 1] == '"')
                    {
                        _buffer[written++] = '"';
                        r = stop + 2;
                        continue;
                    }
                    p = Math.Min(stop + 1, end);
                    break;
                }
            }
            // Text after a closing quote (or a whole unquoted field) is kept as it is, up to the separator.
            int s = _buffer.AsSpan(p, end - p).IndexOf(_separator);
            int fieldEnd = s < 0 ? end : p + s;
            if (written != p)
            {
                _buffer.AsSpan(p, fieldEnd - p).CopyTo(_buffer.AsSpan(written));
            }
            written += fieldEnd - p;
            AddField(fieldStart, written - fieldStart);
            if (s < 0)
            {
                return;
            }
            p = fieldEnd + 1;
        }
    }

    private void AddField(int start, int length)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _lengths, FieldCount * 2);
        }
        _starts[FieldCount] = start;
        _lengths[FieldCount++] = length;
    }

    public void Dispose() => _reader.Dispose();
}
