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
internal sealed partial class PredictionLogWriter<TInput, TOutput> : IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private static readonly byte[] NewLine = [(byte)'\n'];
    private static readonly TimeSpan BatchPause = TimeSpan.FromMilliseconds(10);
    private readonly PredictionLogOptions _options;
    private readonly PredictionLogFiles _files;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;
    private Stream? _stream;
    private long _size;
    private long _droppedReported;
    private (ModelInfo? Info, JsonEncodedText Name, JsonEncodedText? Version, JsonEncodedText Sha256) _model;

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
                    if (TrySerialise(entry, counters))
                    {
                        Write(counters, record: true);
                    }
                }

                ReportDropped(counters);
                Flush();

                // Let records gather before asking again: woken per record, the writer would cost the callers a
                // thread-pool hop each; in batches it costs them a queue write. Bounds the log's lag to this pause.
                await Task.Delay(BatchPause).ConfigureAwait(false);
            }

            ReportDropped(counters);
        }
    }

    public void Dispose()
    {
        Close();
        _json.Dispose();
    }

    // A property getter of the caller's classes may throw: that record is lost (and counted), not the writer.
    private bool TrySerialise(LogEntry<TInput, TOutput> entry, LogCounters counters)
    {
        try
        {
            Serialise(entry);
            return true;
        }
#pragma warning disable CA1031 // any exception from the caller's getters: the record is counted as dropped, the writer goes on
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Lost(counters, record: true, $"a record could not be serialised: {e.GetType().Name}: {e.Message}");
        }
    }

    private void Serialise(LogEntry<TInput, TOutput> entry)
    {
        Begin(entry.Time);
        _json.WriteString(Keys.RequestId, entry.RequestId);
        if (!ReferenceEquals(entry.Model, _model.Info))
        {
            // Encoded once per model, not per record: they change only with a swap.
            _model = (entry.Model, JsonEncodedText.Encode(entry.Model.Name), entry.Model.Version is { } v ? JsonEncodedText.Encode(v) : null, JsonEncodedText.Encode(entry.Model.ModelSha256));
        }

        _json.WriteString(Keys.Model, _model.Name);
        if (_model.Version is { } version)
        {
            _json.WriteString(Keys.Version, version);
        }
        else
        {
            _json.WriteNull(Keys.Version);
        }

        _json.WriteString(Keys.ModelSha256, _model.Sha256);
        _json.WritePropertyName(Keys.Input);
        JsonRow<TInput>.Write(_json, entry.Input);
        _json.WritePropertyName(Keys.Output);
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
        _json.WriteNumber(Keys.Dropped, dropped);
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
        Span<char> text = stackalloc char[32];
        time.TryFormat(text, out int written, TimeFormat, CultureInfo.InvariantCulture);
        _json.WriteString(Keys.Time, text[..written]);
    }

    private void End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _line.Write(NewLine);
    }

    /// <summary>The record's keys (<see cref="PredictionRecord.Keys"/>), encoded once.</summary>
    private static class Keys
    {
        public static readonly JsonEncodedText Time = JsonEncodedText.Encode(PredictionRecord.Keys.Time);
        public static readonly JsonEncodedText RequestId = JsonEncodedText.Encode(PredictionRecord.Keys.RequestId);
        public static readonly JsonEncodedText Model = JsonEncodedText.Encode(PredictionRecord.Keys.Model);
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode(PredictionRecord.Keys.Version);
        public static readonly JsonEncodedText ModelSha256 = JsonEncodedText.Encode(PredictionRecord.Keys.ModelSha256);
        public static readonly JsonEncodedText Input = JsonEncodedText.Encode(PredictionRecord.Keys.Input);
        public static readonly JsonEncodedText Output = JsonEncodedText.Encode(PredictionRecord.Keys.Output);
        public static readonly JsonEncodedText Dropped = JsonEncodedText.Encode(PredictionRecord.Keys.Dropped);
    }
}
