using System.Buffers;
using System.Text.Unicode;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// Decodes UTF-8 (a leading BOM is skipped) and stops at the first invalid byte instead of silently
/// replacing it with U+FFFD, as <see cref="StreamReader"/> does: the text before it is returned, then
/// <see cref="TextReader.Read(Span{char})"/> returns 0 and <see cref="InvalidByteOffset"/> says where the bad byte is.
/// </summary>
internal sealed class StrictUtf8Reader(Stream stream, int bufferSize = 1 << 16) : TextReader
{
    private readonly byte[] _bytes = new byte[Math.Max(bufferSize, 16)];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;
    private long _consumed;              // bytes decoded (or skipped as the BOM) before _start
    private char _pendingLowSurrogate;   // second half of a pair that did not fit the caller's buffer

    /// <summary>0-based byte offset in the file of the first invalid byte; -1 while none was met.</summary>
    public long InvalidByteOffset { get; private set; } = -1;

    /// <summary>The first invalid byte (valid once <see cref="InvalidByteOffset"/> is set).</summary>
    public byte InvalidByte { get; private set; }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }
        if (_pendingLowSurrogate != '\0')
        {
            destination[0] = _pendingLowSurrogate;
            _pendingLowSurrogate = '\0';
            return 1;
        }
        if (!_started)
        {
            Start();
        }
        // A one-char destination cannot take a surrogate pair: decode into two chars and keep the second.
        Span<char> pair = stackalloc char[2];
        Span<char> target = destination.Length == 1 ? pair : destination;
        while (InvalidByteOffset < 0)
        {
            ReadOnlySpan<byte> pending = _bytes.AsSpan(_start, _end - _start);
            OperationStatus status = Utf8.ToUtf16(pending, target, out int read, out int written, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
            _start += read;
            _consumed += read;
            if (written > 0)
            {
                if (destination.Length == 1)
                {
                    destination[0] = target[0];
                    if (written == 2)
                    {
                        _pendingLowSurrogate = target[1];
                    }
                    return 1;
                }
                return written; // An invalid byte right after these chars is met on the next call.
            }
            if (status == OperationStatus.InvalidData)
            {
                InvalidByteOffset = _consumed;
                InvalidByte = _bytes[_start];
                return 0;
            }
            if (_endOfStream && _start == _end)
            {
                return 0;
            }
            Fill();
        }
        return 0;
    }

    private void Start()
    {
        _started = true;
        while (!_endOfStream && _end < 3)
        {
            Fill();
        }
        if (_bytes.AsSpan(0, _end).StartsWith("\uFEFF"u8))
        {
            _start = 3;
            _consumed = 3;
        }
    }

    // Keeps the undecoded tail (at most a partial sequence), then reads more bytes after it.
    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_bytes, _start, _bytes, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        int read = stream.Read(_bytes, _end, _bytes.Length - _end);
        _end += read;
        _endOfStream = read == 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stream.Dispose();
        }
        base.Dispose(disposing);
    }
}
