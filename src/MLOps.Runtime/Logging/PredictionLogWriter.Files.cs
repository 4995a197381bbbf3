namespace MLOps.Runtime;

/// <summary>The writer's files: append a line, rotate at the size bound, and keep going when the disk fails.</summary>
internal sealed partial class PredictionLogWriter<TInput, TOutput>
{
    /// <summary>Writes the line, rotating first when it would pass the file bound. False when it could not be written.</summary>
    private bool Write(LogCounters counters, bool record)
    {
        ReadOnlySpan<byte> line = _line.WrittenSpan;
        if (line.Length > _options.MaxFileBytes)
        {
            // Larger than a whole file: no rotation makes room for it.
            return Lost(counters, record, $"a record of {line.Length} bytes is larger than MaxFileBytes ({_options.MaxFileBytes})");
        }

        try
        {
            if (_stream is null || (_size > 0 && _size + line.Length > _options.MaxFileBytes))
            {
                Rotate();
            }

            _stream!.Write(line);
            _size += line.Length;
            if (record)
            {
                Interlocked.Increment(ref counters.Written);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Close();
            return Lost(counters, record, e.Message);
        }
    }

    private bool Lost(LogCounters counters, bool record, string why)
    {
        Error = $"{RuntimeCodes.LogWriteFailed}: the prediction log in '{Directory}' could not be written ({why}); records are counted as dropped until it can.";
        if (record)
        {
            Interlocked.Increment(ref counters.Dropped);
        }

        return false;
    }

    private void Rotate()
    {
        Close();
        StartFile();
        PredictionLogFiles.Trim(Directory, _options.MaxFiles);
    }

    private void StartFile()
    {
        (_stream, _) = _files.Next(Directory, DateTime.UtcNow);
        _size = 0;
    }

    private void Flush()
    {
        try
        {
            _stream?.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error = $"{RuntimeCodes.LogWriteFailed}: the prediction log in '{Directory}' could not be flushed ({e.Message}).";
            Close();
        }
    }

    private void Close()
    {
        Stream? stream = _stream;
        _stream = null;
        try
        {
            stream?.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error = $"{RuntimeCodes.LogWriteFailed}: the prediction log in '{Directory}' could not be closed ({e.Message}).";
        }
    }
}
