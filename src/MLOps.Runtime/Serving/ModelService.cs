using System.Globalization;

namespace MLOps.Runtime;

/// <summary>
/// Serves one model and swaps in newer versions without a restart: the singleton a service keeps. A call captures the
/// current host once (<see cref="HostLease{TInput, TOutput}"/>) and uses it for the whole call, so every answer comes
/// from one model, named in <see cref="Served{T}.Model"/>; a swap replaces the reference atomically and the old host
/// is disposed when its last call finishes. A reload that fails keeps the current model serving (docs/serving.md).
/// </summary>
public sealed partial class ModelService<TInput, TOutput> : IDisposable, IAsyncDisposable
    where TInput : class
    where TOutput : class, new()
{
    private readonly ModelServiceOptions _options;
    private readonly IModelSource _source;
    private readonly PredictionLog<TInput, TOutput>? _log;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _polling;
    private HostLease<TInput, TOutput> _current;
    private ReloadResult? _lastFailure;
    private string? _refusedKey;
    private string? _sameKey;
    private readonly string _idPrefix = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()));
    private long _requests;
    private int _disposed;

    private ModelService(ModelServiceOptions options, IModelSource source, ModelHost<TInput, TOutput> host, PredictionLog<TInput, TOutput>? log)
    {
        _options = options;
        _source = source;
        _current = new HostLease<TInput, TOutput>(host);
        _log = log;
        if (options.PollInterval is { } interval)
        {
            _polling = Task.Run(() => PollAsync(interval, _stop.Token));
        }
    }

    /// <summary>Raised after a swap, with the model that served before and the one serving now.</summary>
    public event Action<ModelInfo, ModelInfo>? Swapped;

    /// <summary>Raised when a reload (on demand or by polling) refuses a candidate or cannot read its source.</summary>
    public event Action<ReloadResult>? ReloadFailed;

    /// <summary>The model serving now.</summary>
    public ModelInfo Current => Volatile.Read(ref _current).Host.Info;

    /// <summary>The last failed reload since the last swap (null when the last reload that found something swapped).</summary>
    public ReloadResult? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>The host serving now (the swap tests watch when a replaced one is disposed).</summary>
    internal ModelHost<TInput, TOutput> CurrentHost => Volatile.Read(ref _current).Host;

    /// <summary>What the prediction log has written, dropped and sampled out; null without a log.</summary>
    public PredictionLogStatus? Log => _log?.Status;

    /// <summary>
    /// Loads the model from <see cref="ModelServiceOptions.Directory"/> (verified, MLOPS6001-6004, 6012), opens the
    /// prediction log (MLOPS6008) and starts polling when an interval is set.
    /// </summary>
    public static ModelService<TInput, TOutput> Start(ModelServiceOptions options) => Start(options, PredictionLogFiles.Default);

    internal static ModelService<TInput, TOutput> Start(ModelServiceOptions options, PredictionLogFiles files)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string directory = Path.GetFullPath(options.Directory ?? ModelDirectory.Default(options.ModelName));
        var host = ModelHost<TInput, TOutput>.Create(LoadedModel.Load(directory, new ModelOrigin(Name: options.ModelName)));
        try
        {
            PredictionLog<TInput, TOutput>? log = options.Log is { } logOptions ? PredictionLog<TInput, TOutput>.Start(logOptions, files) : null;
            return new ModelService<TInput, TOutput>(options, options.Source ?? new FolderSource(directory), host, log);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public Served<TOutput> Predict(TInput input, string? requestId = null)
    {
        HostLease<TInput, TOutput> lease = Acquire();
        try
        {
            TOutput output = lease.Host.Predict(input);
            string id = requestId ?? NewRequestId();
            _log?.Offer(id, lease.Host.Info, input, output);
            return new Served<TOutput>(output, lease.Host.Info, id);
        }
        finally
        {
            lease.Release();
        }
    }

    /// <summary>Scores a batch with one model. Logged rows get request ids "&lt;id&gt;#&lt;index&gt;" so labels can be joined row by row.</summary>
    public Served<TOutput[]> Predict(IReadOnlyList<TInput> inputs, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        HostLease<TInput, TOutput> lease = Acquire();
        try
        {
            TOutput[] outputs = lease.Host.Predict(inputs);
            string id = requestId ?? NewRequestId();
            if (_log is not null)
            {
                for (int i = 0; i < outputs.Length; i++)
                {
                    _log.Offer($"{id}#{i}", lease.Host.Info, inputs[i], outputs[i]);
                }
            }

            return new Served<TOutput[]>(outputs, lease.Host.Info, id);
        }
        finally
        {
            lease.Release();
        }
    }

    // Unique without a random draw per call: a random prefix per service start and a counter ("3f9a1c2e-1b").
    private string NewRequestId() => string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}-{Interlocked.Increment(ref _requests):x}");

    private HostLease<TInput, TOutput> Acquire()
    {
        while (true)
        {
            HostLease<TInput, TOutput> lease = Volatile.Read(ref _current);
            if (lease.TryAcquire())
            {
                return lease;
            }

            // The lease was released by a swap between the read and the acquire: the next read sees the new one.
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_polling is not null)
        {
            await _polling.ConfigureAwait(false);
        }

        if (_log is not null)
        {
            await _log.DisposeAsync().ConfigureAwait(false);
        }

        // Taken so no reload is half way through a swap; the current host goes when its last call finishes.
        await _reloadGate.WaitAsync().ConfigureAwait(false);
        Volatile.Read(ref _current).Release();
        _reloadGate.Release(); // a reload waiting for the gate now finds the service disposed
        _stop.Dispose();
    }
}
