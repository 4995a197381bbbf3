using System.Text.Json;
using MLOps.Cli.Scoring;
using MLOps.Core.Diagnostics;
using MLOps.Core.Scoring;
using MLOps.ModelFormat.Contract;
using MLOps.Runtime;

namespace MLOps.Cli.Monitoring;

/// <summary>
/// The model a service served, loaded (and so verified) through the runtime: what its lineage says it scored in training
/// (the test split's metrics), its hash (to count only its predictions), its classes (multiclass) and its schema.
/// </summary>
internal sealed record ServedModel(ModelInfo Info, IReadOnlyDictionary<string, double> TrainingMetrics, IReadOnlyList<string> Classes, string? SchemaPath)
{
    public static ServedModel? Load(ResolvedModel resolved, DiagnosticBag bag)
    {
        try
        {
            using LoadedModel model = LoadedModel.Load(resolved.Folder, resolved.Origin);
            Lineage? lineage = JsonSerializer.Deserialize<Lineage>(File.ReadAllBytes(Path.Combine(resolved.Folder, ModelFiles.LineageFile)));
            string schema = Path.Combine(resolved.Folder, ModelFiles.SchemaFile);
            return new ServedModel(
                model.Info,
                lineage?.Metrics ?? new Dictionary<string, double>(),
                PredictionColumns.ClassesOf(model.Transformer.GetOutputSchema(model.InputSchema)),
                File.Exists(schema) ? schema : null);
        }
        catch (ModelLoadException e)
        {
            bag.Error(e.Code, e.Message, resolved.Folder);
            return null;
        }
    }
}
