using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using MLOps.ModelFormat;
using MLOps.ModelFormat.Contract;

namespace MLOps.Runtime;

/// <summary>
/// A loaded, verified model, safe to call from many threads. ML.NET's PredictionEngine is not
/// thread-safe, so each call borrows one from a small pool (what PredictionEnginePool does) instead of
/// locking or creating an engine per call.
/// </summary>
public sealed class ModelHost<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ConcurrentBag<PredictionEngine<TInput, TOutput>> _engines = [];
    private readonly object? _classes;
    private readonly Action<TOutput>? _setClasses;

    private ModelHost(MLContext ml, ITransformer model, string modelSha256, string? version, object? classes, Action<TOutput>? setClasses)
    {
        _ml = ml;
        _model = model;
        _classes = classes;
        _setClasses = setClasses;
        ModelSha256 = modelSha256;
        Version = version;
    }

    /// <summary>The sha256 of the model file, as verified against lineage.json.</summary>
    public string ModelSha256 { get; }

    /// <summary>The model version lineage.json records.</summary>
    public string? Version { get; }

    /// <summary>Loads model.zip from <paramref name="directory"/> after checking its sha256 against lineage.json.</summary>
    public static ModelHost<TInput, TOutput> Load(string directory)
    {
        string modelPath = Path.Combine(directory, ModelDirectory.ModelFile);
        string lineagePath = Path.Combine(directory, ModelDirectory.LineageFile);
        foreach (string path in new[] { modelPath, lineagePath }.Where(p => !File.Exists(p)))
        {
            throw new ModelLoadException(RuntimeCodes.ModelFilesMissing, $"'{path}' not found. The model package copies its files to mlops/<Name>/ in the output folder; check the PackageReference, or pass the folder that holds model.zip and lineage.json.");
        }

        (string expected, string? version) = ReadLineage(lineagePath);
        byte[] bytes = File.ReadAllBytes(modelPath);
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(RuntimeCodes.ModelHashMismatch, $"'{modelPath}' has sha256 {actual}, but its lineage records {expected}. The file was changed after packaging; restore the package instead of editing its files.");
        }

        var ml = new MLContext(seed: 0);
        using var stream = new MemoryStream(bytes, writable: false);
        ITransformer model = ModelLoader.Load(ml, stream, out DataViewSchema inputSchema);
        object? classes = ModelClasses.Read(model.GetOutputSchema(inputSchema));
        return new ModelHost<TInput, TOutput>(ml, model, actual, version, classes, ClassBinding.For<TOutput>(classes, modelPath));
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
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<TInput, TOutput>(_model);
        }

        try
        {
            TOutput prediction = engine.Predict(input);
            _setClasses?.Invoke(prediction);
            return prediction;
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private static (string Sha256, string? Version) ReadLineage(string path)
    {
        try
        {
            if (JsonSerializer.Deserialize<Lineage>(File.ReadAllBytes(path)) is { ModelSha256: { Length: > 0 } sha } lineage)
            {
                return (sha, lineage.ModelVersion);
            }
        }
        catch (JsonException)
        {
            // reported below
        }

        throw new ModelLoadException(RuntimeCodes.LineageInvalid, $"'{path}' is not a lineage manifest with a {Lineage.ModelSha256Property}. Restore the model package.");
    }
}
