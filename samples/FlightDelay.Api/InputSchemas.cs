using System.Collections.Concurrent;
using System.Text.Json;
using MLOps.ModelFormat.Contract;
using MLOps.Runtime;
using MLOps.Runtime.Inputs;

namespace FlightDelay.Api;

/// <summary>
/// The schema each model version checks its inputs against. A newer version may declare other columns or bounds, so
/// the service keeps one input reader per model file (by its sha256) and reads each candidate's schema.json from the
/// folder the model source prepared, before the runtime loads it.
/// </summary>
public sealed class InputSchemas
{
    private readonly ConcurrentDictionary<string, InputReader<FlightDelay.Model.FlightDelayInput>> _readers = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxRows;
    private InputReader<FlightDelay.Model.FlightDelayInput>? _first;

    public InputSchemas(int maxRows) => _maxRows = maxRows;

    /// <summary>Reads the schema of the model in <paramref name="directory"/> (model.zip, lineage.json, schema.json).</summary>
    public void Add(string directory)
    {
        string lineagePath = Path.Combine(directory, ModelFiles.LineageFile);
        string? sha = JsonSerializer.Deserialize<Lineage>(File.ReadAllBytes(lineagePath))?.ModelSha256;
        var reader = new InputReader<FlightDelay.Model.FlightDelayInput>(
            new InputChecker(InputSchema.Load(Path.Combine(directory, ModelFiles.SchemaFile))), _maxRows);
        _first ??= reader;
        if (sha is not null)
        {
            _readers[sha] = reader;
        }
    }

    /// <summary>The reader for <paramref name="model"/>; the first model's when its schema could not be read.</summary>
    public InputReader<FlightDelay.Model.FlightDelayInput> For(ModelInfo model) =>
        _readers.TryGetValue(model.ModelSha256, out var reader) ? reader : _first ?? throw new InvalidOperationException("No schema was read.");
}
