using System.Threading.Channels;

namespace MLOps.Runtime;

/// <summary>
/// The prediction log of one service, off the request path: a call only samples and queues (no I/O, no serialisation);
/// one background writer drains the bounded queue into rotating JSON Lines files (<see cref="PredictionLogWriter{TInput, TOutput}"/>).
/// A record that finds the queue full is dropped and counted, and the count is written to the file when the writer can.
/// </summary>
internal sealed class PredictionLog<TInput, TOutput> : IAsyncDisposable
{
    private readonly Channel<LogEntry<TInput, TOutput>> _queue;
    private readonly Sampler _sampler;
    private readonly PredictionLogWriter<TInput, TOutput> _writer;
    private readonly Task _writing;
    private readonly LogCounters _counters = new();

    private PredictionLog(PredictionLogOptions options, PredictionLogWriter<TInput, TOutput> writer)
    {
        _sampler = new Sampler(options.SampleRate, options.Seed);
        _queue = Channel.CreateBounded<LogEntry<TInput, TOutput>>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full queue refuses, and the refusal is counted
        });
        _writer = writer;
        _writing = Task.Run(() => _writer.RunAsync(_queue.Reader, _counters));
    }

    public PredictionLogStatus Status => new(
        Interlocked.Read(ref _counters.Written), Interlocked.Read(ref _counters.Dropped), Interlocked.Read(ref _counters.SampledOut),
        PredictionLogFiles.Count(_writer.Directory), _writer.Directory, _writer.Error);

    /// <summary>Opens the log folder and its first file (MLOPS6008 when it cannot) and starts the writer.</summary>
    public static PredictionLog<TInput, TOutput> Start(PredictionLogOptions options, PredictionLogFiles files)
    {
        options.Validate();
        // The serialisers are built now, so a type they cannot handle fails the start, not the writer later.
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(JsonRow<TInput>).TypeHandle);
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(JsonRow<TOutput>).TypeHandle);
        return new PredictionLog<TInput, TOutput>(options, PredictionLogWriter<TInput, TOutput>.Open(options, files));
    }

    public void Offer(string requestId, ModelInfo model, TInput input, TOutput output)
    {
        if (!_sampler.Take())
        {
            Interlocked.Increment(ref _counters.SampledOut);
            return;
        }

        if (!_queue.Writer.TryWrite(new LogEntry<TInput, TOutput>(DateTime.UtcNow, requestId, model, input, output)))
        {
            Interlocked.Increment(ref _counters.Dropped);
        }
    }

    /// <summary>Stops taking records, lets the writer write what is queued (and the last dropped count), and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
    }
}

internal readonly record struct LogEntry<TInput, TOutput>(DateTime Time, string RequestId, ModelInfo Model, TInput Input, TOutput Output);

/// <summary>The log's counts, shared by the callers (sampled out, dropped) and the writer (written, dropped on failure).</summary>
internal sealed class LogCounters
{
#pragma warning disable CA1051 // fields, for Interlocked
    public long Written;
    public long Dropped;
    public long SampledOut;
#pragma warning restore CA1051
}
