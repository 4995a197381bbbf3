using System.Text.Json;
using MLOps.Core.Spec;
using MLOps.Core.Training;
using MLOps.Runtime;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Packaging;

/// <summary>
/// Trains a model from a spec and its data, writes the lineage.json the runtime verifies, and loads it in the
/// runtime's <see cref="ModelHost{TInput, TOutput}"/> with input and prediction classes shaped like the typed
/// API's (ApiGeneratorTests checks the generator writes those shapes).
/// </summary>
internal static class HostedModel
{
    public static ModelHost<TInput, TOutput> Train<TInput, TOutput>(TempFolder dir, string dataName, string csv, string schemaJson, string specYaml)
        where TInput : class
        where TOutput : class, new()
    {
        var (spec, schema) = Training.ModelTrainerTests.Prepare(dir, dataName, csv, schemaJson, specYaml);
        TrainingRecord record = new ModelTrainer().Train(spec, schema, dir.PathOf("out"));
        File.WriteAllText(dir.PathOf("out/lineage.json"), JsonSerializer.Serialize(new Dictionary<string, string> { ["model_sha256"] = record.ModelSha256 }));
        return ModelHost<TInput, TOutput>.Load(dir.PathOf("out"));
    }

}
