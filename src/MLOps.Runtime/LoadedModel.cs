using Microsoft.ML;
using MLOps.ModelFormat;
using MLOps.ModelFormat.Contract;

namespace MLOps.Runtime;

/// <summary>
/// A verified model, untyped: what batch scoring (<c>mlops predict</c>) and the typed <see cref="ModelHost{TInput, TOutput}"/>
/// share. <see cref="Load(string)"/> checks model.zip's sha256 against lineage.json before ML.NET reads a byte of it
/// (MLOPS6002 names both hashes) and says what it loaded in <see cref="Info"/>.
/// </summary>
public sealed class LoadedModel : IDisposable
{
    private LoadedModel(ModelInfo info, MLContext context, ITransformer transformer, DataViewSchema inputSchema)
    {
        Info = info;
        Context = context;
        Transformer = transformer;
        InputSchema = inputSchema;
    }

    public ModelInfo Info { get; }

    /// <summary>The model's own context (seeded, with the pipeline's components registered).</summary>
    public MLContext Context { get; }

    public ITransformer Transformer { get; }

    /// <summary>The columns the model reads, as it was saved with them.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>Loads model.zip from <paramref name="directory"/> after checking its sha256 against lineage.json.</summary>
    public static LoadedModel Load(string directory) => Load(directory, new ModelOrigin());

    /// <summary>As <see cref="Load(string)"/>, with what the folder cannot say (the package and source it came from).</summary>
    public static LoadedModel Load(string directory, ModelOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(origin);
        ModelFolder.Verified verified = ModelFolder.Read(directory);
        var context = new MLContext(seed: 0);
        ITransformer transformer;
        DataViewSchema inputSchema;
        try
        {
            using var stream = new MemoryStream(verified.Model, writable: false);
            transformer = ModelLoader.Load(context, stream, out inputSchema);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException or IOException)
        {
            throw new ModelLoadException(RuntimeCodes.ModelUnreadable, $"'{verified.ModelPath}' matches its lineage but ML.NET cannot load it: {e.Message} Rebuild the model package with the MLOps SDK version this runtime belongs to.");
        }

        return new LoadedModel(InfoOf(directory, verified, origin), context, transformer, inputSchema);
    }

    /// <summary>Scores a data view (lazily, as ML.NET's Transform does).</summary>
    public IDataView Transform(IDataView data) => Transformer.Transform(data);

    /// <summary>Releases what the model holds (ML.NET's transformer chain is disposable; its native trainers' state goes with it).</summary>
    public void Dispose() => (Transformer as IDisposable)?.Dispose();

    private static ModelInfo InfoOf(string directory, ModelFolder.Verified verified, ModelOrigin origin)
    {
        Lineage lineage = verified.Lineage;
        string name = origin.Name ?? new DirectoryInfo(Path.GetFullPath(directory)).Name;
        return new ModelInfo(
            name,
            origin.PackageId ?? NullIfEmpty(lineage.ModelId),
            origin.Version ?? NullIfEmpty(lineage.ModelVersion),
            verified.Sha256,
            NullIfEmpty(lineage.Code?.GitCommit),
            NullIfEmpty(lineage.Data?.Fingerprint),
            origin.Source ?? Path.GetFullPath(directory),
            DateTimeOffset.UtcNow);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
