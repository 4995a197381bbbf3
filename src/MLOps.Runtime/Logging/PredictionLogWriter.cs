using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using MLOps.ModelFormat.Contract;

namespace MLOps.Runtime;

/// <summary>
/// The one writer of a prediction log: serialises each queued record as one JSON line (keys in the order of
/// <see cref="PredictionRecord.Keys"/>), starts a new file before one would pass MaxFileBytes and deletes the oldest
/// past MaxFiles. Records the callers dropped are reported as a {"time":...,"dropped":N} line before the next record
/// and at the end. A failing disk does not stop the service: the record is counted as dropped and the error kept (MLOPS6010).
/// </summary>
internal sealed class PredictionLogWriter<TInput, TOutput> : IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private static readonly byte[] NewLine = [(byte)'\n'];
    private readonly PredictionLogOptions _options;
    private readonly PredictionLogFiles _files;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;
    private Stream? _stream;
    private long _size;
    private long _droppedReported;

    private PredictionLogWriter(PredictionLogOptions options, PredictionLogFiles files)
    {
        _options = options;
        _files = files;
        _json = new Utf8JsonWriter(_line);
        Directory = Path.GetFullPath(options.Directory);
    }

    public string Directory { get; }

    /// <summary>The last write failure (MLOPS6010 and why), or null.</summary>
    public string? Error { get; private set; }

    public static PredictionLogWriter<TInput, TOutput> Open(PredictionLogOptions options, PredictionLogFiles files)
    {
        var writer = new PredictionLogWriter<TInput, TOutput>(options, files);
        try
        {
            System.IO.Directory.CreateDirectory(writer.Directory);
            writer.StartFile();
            return writer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ModelLoadException(RuntimeCodes.LogFolderUnusable, $"The prediction log folder '{writer.Directory}' cannot be written: {e.Message} Give PredictionLogOptions.Directory a folder the service may create files in.", e);
        }
    }

    public async Task RunAsync(ChannelReader<LogEntry<TInput, TOutput>> queue, LogCounters counters)
    {
        using (this)
        {
            while (await queue.WaitToReadAsync().ConfigureAwait(false))
            {
                while (queue.TryRead(out LogEntry<TInput, TOutput> entry))
                {
                    ReportDropped(counters);
                    Serialise(entry);
                    Write(counters, record: true);
                }

                ReportDropped(counters);
                Flush();
            }

            ReportDropped(counters);
        }
    }

    public void Dispose()
    {
        Close();
        _json.Dispose();
    }

    private void Serialise(LogEntry<TInput, TOutput> entry)
    {
        Begin(entry.Time);
        _json.WriteString(PredictionRecord.Keys.RequestId, entry.RequestId);
        _json.WriteString(PredictionRecord.Keys.Model, entry.Model.Name);
        _json.WriteString(PredictionRecord.Keys.Version, entry.Model.Version);
        _json.WriteString(PredictionRecord.Keys.ModelSha256, entry.Model.ModelSha256);
        _json.WritePropertyName(PredictionRecord.Keys.Input);
        JsonRow<TInput>.Write(_json, entry.Input);
        _json.WritePropertyName(PredictionRecord.Keys.Output);
        JsonRow<TOutput>.Write(_json, entry.Output);
        End();
    }

    private void ReportDropped(LogCounters counters)
    {
        long dropped = Interlocked.Read(ref counters.Dropped) - _droppedReported;
        if (dropped <= 0)
        {
            return;
        }

        Begin(DateTime.UtcNow);
        _json.WriteNumber(PredictionRecord.Keys.Dropped, dropped);
        End();
        if (Write(counters, record: false))
        {
            _droppedReported += dropped;
        }
    }

    private void Begin(DateTime time)
    {
        _line.ResetWrittenCount();
        _json.Reset(_line);
        _json.WriteStartObject();
        _json.WriteString(PredictionRecord.Keys.Time, time.ToString(TimeFormat, CultureInfo.InvariantCulture));
    }

    private void End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _line.Write(NewLine);
    }

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
