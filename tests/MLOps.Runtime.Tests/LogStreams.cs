namespace MLOps.Runtime.Tests;

/// <summary>A log file whose writes wait at a gate: a slow disk, so a test can fill the writer's queue deterministically.</summary>
internal sealed class GatedStream(Stream inner) : Stream
{
    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim Open { get; } = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Entered.Set();
        Open.Wait();
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            Entered.Dispose();
            Open.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A log file on a full disk: every write fails.</summary>
internal sealed class FullDiskStream : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => 0;

    public override long Position { get => 0; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
