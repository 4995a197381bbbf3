using System.Collections.Concurrent;
using Microsoft.ML;

namespace MLOps.Runtime;

/// <summary>
/// One loaded, verified model version, typed and safe to call from many threads. ML.NET's PredictionEngine is not
/// thread-safe, so each call borrows one from a small pool (what PredictionEnginePool does) instead of locking or
/// creating an engine per call. Verification is <see cref="LoadedModel"/>'s; this class adds the types.
/// </summary>
public sealed class ModelHost<TInput, TOutput> : IDisposable
    where TInput : class
    where TOutput : class, new()
{
    private readonly LoadedModel _model;
    private readonly ConcurrentBag<PredictionEngine<TInput, TOutput>> _engines = [];
    private readonly object? _classes;
    private readonly Action<TOutput>? _setClasses;
    private bool _disposed;

    private ModelHost(LoadedModel model, object? classes, Action<TOutput>? setClasses)
    {
        _model = model;
        _classes = classes;
        _setClasses = setClasses;
    }

    /// <summary>What this host serves: name, package, version, model hash, commit, data fingerprint.</summary>
    public ModelInfo Info => _model.Info;

    /// <summary>The sha256 of the model file, as verified against lineage.json.</summary>
    public string ModelSha256 => _model.Info.ModelSha256;

    /// <summary>The model version lineage.json records (or the package's, when it came from a feed).</summary>
    public string? Version => _model.Info.Version;

    /// <summary>True once disposed (the swap tests check when).</summary>
    internal bool IsDisposed => _disposed;

    /// <summary>Loads model.zip from <paramref name="directory"/> after checking its sha256 against lineage.json.</summary>
    public static ModelHost<TInput, TOutput> Load(string directory) => Create(LoadedModel.Load(directory));

    /// <summary>A typed host over a loaded model; the host owns it from here (disposing the host disposes it).</summary>
    public static ModelHost<TInput, TOutput> Create(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            object? classes = ModelClasses.Read(model.Transformer.GetOutputSchema(model.InputSchema));
            return new ModelHost<TInput, TOutput>(model, classes, ClassBinding.For<TOutput>(classes, model.Info.Source));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A multiclass model's classes (label values) in the order of its Score vector, read from the loaded model;
    /// empty for other tasks. <typeparamref name="TLabel"/> is the label's type in the typed API (string, float or bool).
    /// </summary>
    public IReadOnlyList<TLabel> GetClasses<TLabel>() => _classes switch
    {
        null => [],
        IReadOnlyList<TLabel> classes => classes,
        _ => throw new InvalidOperationException($"The model's classes are not of type {typeof(TLabel).Name}."),
    };

    public TOutput Predict(TInput input)
    {
        PredictionEngine<TInput, TOutput> engine = Rent();
        try
        {
            return Predict(engine, input);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>Scores the rows in order with one engine: each answer is what <see cref="Predict(TInput)"/> gives for that row alone.</summary>
    public TOutput[] Predict(IReadOnlyList<TInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outputs = new TOutput[inputs.Count];
        PredictionEngine<TInput, TOutput> engine = Rent();
        try
        {
            for (int i = 0; i < outputs.Length; i++)
            {
                outputs[i] = Predict(engine, inputs[i]);
            }
        }
        finally
        {
            _engines.Add(engine);
        }

        return outputs;
    }

    /// <summary>Disposes the pooled engines and the model. Call it only when no prediction is running (ModelService sees to that).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_engines.TryTake(out var engine))
        {
            engine.Dispose();
        }

        _model.Dispose();
    }

    private PredictionEngine<TInput, TOutput> Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _engines.TryTake(out var engine) ? engine : _model.Context.Model.CreatePredictionEngine<TInput, TOutput>(_model.Transformer);
    }

    private TOutput Predict(PredictionEngine<TInput, TOutput> engine, TInput input)
    {
        TOutput prediction = engine.Predict(input);
        _setClasses?.Invoke(prediction);
        return prediction;
    }
}
