using MLOps.Core.Gates;
using System.Security.Cryptography;
using Microsoft.ML;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Registry;
using MLOps.Core.Spec;
using MLOps.ModelFormat;
using NuGet.Versioning;

namespace MLOps.Core.Evaluation;

/// <summary>
/// Fetches the champion by exact version, checks its model.zip against the model_sha256 its lineage records, and scores
/// the candidate's own test rows with it. A champion that cannot score them (a column it reads is gone or changed type)
/// is a result, not a failure of this step: the gate reports it (MLOPS3007).
/// </summary>
public static class ChampionEvaluator
{
    public static ChampionEvaluation? Evaluate(ModelSpec spec, string packageId, string feedSource, string version, string testSetPath, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(bag);
        if (!NuGetVersion.TryParse(version, out NuGetVersion? exact))
        {
            bag.Error(Codes.ChampionUnavailable, $"MLOpsChampionVersion {Visible.Quote(version)} is not a version. Give the exact version the stage serves, such as 1.2.0, or leave it empty when there is no champion yet.", spec.SourcePath);
            return null;
        }

        if (ModelFeed.Open(feedSource, bag, Path.GetDirectoryName(spec.SourcePath)) is not { } feed ||
            feed.ReadModelAsync(packageId, exact, bag).GetAwaiter().GetResult() is not { } champion)
        {
            return null;
        }

        string actual = Convert.ToHexStringLower(SHA256.HashData(champion.Model));
        if (!string.Equals(actual, champion.ModelSha256, StringComparison.Ordinal))
        {
            bag.Error(Codes.ChampionModelMismatch, $"Champion {packageId} {exact} in feed '{feed.Source}': its model.zip hashes to {actual}, but its lineage records {champion.ModelSha256}. The package was changed after it was packed; it is not compared. Restore the package the stage published, or point MLOpsChampionFeed at the feed that holds it.", spec.SourcePath);
            return null;
        }

        string stage = spec.Champion?.Stage ?? ChampionSpec.DefaultStage;
        var ml = new MLContext(seed: spec.Trainer.Seed);
        IDataView? testRows = Open(testSetPath, bag, () => ml.Data.LoadFromBinary(testSetPath));
        if (testRows is null)
        {
            return null;
        }

        (SortedDictionary<string, double>? metrics, string? problem) = Score(spec.Task, ml, champion.Model, testRows);
        return new ChampionEvaluation(stage, exact.ToNormalizedString(), feed.Source, actual, metrics, problem);
    }

    internal static (SortedDictionary<string, double>? Metrics, string? Problem) Score(TaskType task, MLContext ml, byte[] model, IDataView testRows)
    {
        ITransformer transformer;
        DataViewSchema input;
        try
        {
            using var stream = new MemoryStream(model, writable: false);
            transformer = ModelLoader.Load(ml, stream, out input);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException or IOException)
        {
            return (null, $"its model.zip cannot be loaded by this version of the pipeline ({e.Message})");
        }

        try
        {
            return (ModelEvaluator.Evaluate(task, ml, transformer.Transform(testRows)), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidCastException)
        {
            return (null, SchemaFit.Explain(input, testRows.Schema) ?? $"scoring the test rows failed ({e.Message})");
        }
    }

    private static T? Open<T>(string path, DiagnosticBag bag, Func<T> open)
        where T : class
    {
        try
        {
            return open();
        }
        catch (Exception e) when (IntermediateFile.IsDamage(e))
        {
            IntermediateFile.Report(path, e.Message, bag);
            return null;
        }
    }
}
