using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Spec;
using MLOps.Core.Training;

namespace MLOps.Core.Evaluation.Details;

/// <summary>
/// Permutation feature importance per input feature of the spec: shuffle one feature's values among the sample
/// rows, score them again with the model's own predictor, and measure how far the task's primary metric drops
/// (ML.NET's evaluators compute it). The spec's features were concatenated into the Features vector in spec order,
/// so each feature owns a known range of slots (one for a number, one per value for one-hot, many for text), and
/// the whole range moves together: a one-hot feature is shuffled as the category it is.
/// <para>
/// Why not ML.NET's PermutationFeatureImportance: it shuffles one slot at a time, so FlightDelay's 449 slots (two
/// one-hot airports) cost 449 evaluations, 18-41 s per build on this repository's 2-core agent, and a slot's
/// shuffle makes rows with two airports hot at once, which no real row has. By feature it is 6 evaluations.
/// </para>
/// The sample is the first <see cref="SampleRows"/> rows of the test split (already shuffled by the split) and the
/// shuffles are seeded, so the same model gives the same numbers.
/// </summary>
public static class PermutationImportance
{
    public const int SampleRows = 1000;
    public const int Permutations = 3;

    /// <summary>The primary metric whose drop is measured, by task.</summary>
    public static string MetricFor(TaskType task) => task switch
    {
        TaskType.BinaryClassification => "auc",
        TaskType.MulticlassClassification => "macro_accuracy",
        _ => "r_squared",
    };

    /// <summary>Null when the model has no single-feature predictor or its slots do not add up to the spec's features.</summary>
    public static FeatureImportance? Compute(MLContext ml, ModelSpec spec, ITransformer model, IDataView scored, int seed)
    {
        if (Predictor(model) is not { } predictor || SlotRanges(spec, scored.Schema) is not { } ranges)
            return null;

        var sample = FeatureSample.Read(ml, scored, spec.Task, SampleRows);
        double baseline = sample.Score(predictor, spec.Task, sample.Features);
        var features = new List<FeatureImportanceEntry>();
        int start = 0;
        foreach ((string feature, int count) in ranges)
        {
            double[] drops = [.. Enumerable.Range(0, Permutations).Select(p =>
                baseline - sample.Score(predictor, spec.Task, Shuffled(sample.Features, start, count, new Random(seed + (31 * features.Count) + p))))];
            start += count;
            double mean = drops.Average();
            double sd = Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / Math.Max(1, drops.Length - 1));
            features.Add(new FeatureImportanceEntry(feature, count, EvaluationDetails.Round(mean), EvaluationDetails.Round(sd)));
        }

        return new FeatureImportance(MetricFor(spec.Task), sample.Features.Length, Permutations, seed,
            [.. features.OrderByDescending(f => f.Importance).ThenBy(f => f.Feature, StringComparer.Ordinal)]);
    }

    /// <summary>A copy of the rows where slots [start, start + count) of each row come from another row (Fisher-Yates).</summary>
    private static float[][] Shuffled(float[][] rows, int start, int count, Random random)
    {
        int[] order = [.. Enumerable.Range(0, rows.Length)];
        random.Shuffle(order);
        var copy = new float[rows.Length][];
        for (int i = 0; i < rows.Length; i++)
        {
            copy[i] = (float[])rows[i].Clone();
            Array.Copy(rows[order[i]], start, copy[i], start, count);
        }

        return copy;
    }

    /// <summary>The trainer's transformer: the last one of the chain that scores a single Features column.</summary>
    private static ISingleFeaturePredictionTransformer<object>? Predictor(ITransformer model) =>
        model is IEnumerable<ITransformer> chain ? chain.OfType<ISingleFeaturePredictionTransformer<object>>().LastOrDefault() : null;

    /// <summary>Each feature's slot count in the Features vector, in the order they were concatenated.</summary>
    internal static IReadOnlyList<(string Feature, int Count)>? SlotRanges(ModelSpec spec, DataViewSchema schema)
    {
        var ranges = new List<(string, int)>();
        foreach (FeatureSpec f in spec.Features)
        {
            if (schema.GetColumnOrNull(f.Name) is not { } column)
                return null;
            int size = column.Type is VectorDataViewType v ? v.Size : 1;
            if (size == 0)
                return null; // A vector of unknown length cannot be mapped to slots.
            ranges.Add((f.Name, size));
        }

        return schema.GetColumnOrNull(ModelPipeline.FeaturesColumn)?.Type is VectorDataViewType features && features.Size == ranges.Sum(r => r.Item2)
            ? ranges
            : null;
    }
}
