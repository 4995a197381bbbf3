using System.Text;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields with <c>""</c> escapes, separators and newlines inside quotes,
/// <c>\n</c> or <c>\r\n</c> line ends, UTF-8 with or without BOM. Blank lines are skipped.
/// Fields are views into one reused buffer (no allocation per field); they are valid until the next
/// <see cref="ReadRecord"/>. A quote opens a quoted field only at the start of a field; elsewhere it is text.
/// An unterminated quote ends the file with an <see cref="Codes.UnterminatedQuote"/> diagnostic, not an exception.
/// </summary>
public sealed class CsvReader : IDisposable
{
    internal const int InitialBufferSize = 1 << 16;

    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly DiagnosticBag? _bag;
    private readonly string? _displayPath;
    private char[] _buffer;
    private int _length;     // chars of _buffer holding data
    private int _position;   // start of the first char not yet returned as part of a record
    private bool _endOfInput;
    private long _nextLine = 1;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];

    public CsvReader(TextReader reader, char separator = ',', DiagnosticBag? bag = null, string? displayPath = null, int bufferSize = InitialBufferSize)
    {
        if (separator is '"' or '\n' or '\r')
        {
            throw new ArgumentException("The separator cannot be a quote or a line break.", nameof(separator));
        }
        _reader = reader;
        _separator = separator;
        _bag = bag;
        _displayPath = displayPath;
        _buffer = new char[Math.Max(bufferSize, 16)];
    }

    /// <summary>Opens a file (UTF-8; a BOM is detected and skipped). Diagnostics name the file as <paramref name="path"/>.</summary>
    public static CsvReader Open(string path, char separator = ',', DiagnosticBag? bag = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new CsvReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16), separator, bag, path);
    }

    /// <summary>Fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>1-based physical line on which the current record starts (records may span lines inside quotes).</summary>
    public long Line { get; private set; }

    /// <summary>True once an unterminated quote has ended the input.</summary>
    public bool HasUnterminatedQuote { get; private set; }

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
        while (!HasUnterminatedQuote && FindRecordEnd(out int end, out int next, out int lastOpenQuote, out bool unterminated))
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
                _bag?.Error(Codes.UnterminatedQuote,
                    $"a quoted field (field {FieldCount}) is never closed, so the rest of the file was read as one value. Add the closing '\"' (write a quote inside a quoted field as '\"\"').",
                    _displayPath, (int)Math.Min(quoteLine, int.MaxValue), FieldCount);
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
        }
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
            Array.Resize(ref _buffer, _buffer.Length * 2);
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
