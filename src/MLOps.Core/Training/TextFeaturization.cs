using Microsoft.ML.Transforms.Text;

namespace MLOps.Core.Training;

/// <summary>
/// How an <c>encode: text</c> feature becomes numbers: ML.NET's FeaturizeText with options chosen for short
/// free texts (comments, titles). Every option is set explicitly, even where it equals ML.NET's default, so
/// an ML.NET upgrade that changes a default cannot silently change the models the pipeline trains.
/// A missing text (loaded as empty) has no words, so it featurizes as all zeros.
/// </summary>
internal static class TextFeaturization
{
    /// <summary>
    /// At most this many n-grams of each length enter the model. ML.NET keeps the first ones met in
    /// training-row order (deterministic), so the cap bounds the feature count and the model file however
    /// large the corpus, while short texts rarely reach it.
    /// </summary>
    public const int MaximumNgramsPerLength = 10_000;

    /// <summary>A fresh options object (ML.NET's options are mutable, so none is shared between runs).</summary>
    public static TextFeaturizingEstimator.Options Options() => new()
    {
        // "Late", "late" and "LATE" are one word; accents typed or not are one word.
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,

        // "late!" and "late." should be "late" (ML.NET keeps punctuation by default); numbers stay ("2 hours").
        KeepPunctuations = false,
        KeepNumbers = true,

        // No stop-word removal: a short text has few words, and the stop lists hold negations ("not late").
        StopWordsRemoverOptions = null,

        // Words and word pairs: pairs catch the phrases short texts hinge on ("on time", "not late").
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = 2,
            UseAllLengths = true,
            SkipLength = 0,
            MaximumNgramsCount = [MaximumNgramsPerLength, MaximumNgramsPerLength],
            Weighting = NgramExtractingEstimator.WeightingCriteria.Tf,
        },

        // Character trigrams: robust to typos and inflections ("delay", "delayed") that split short texts' few words.
        CharFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = 3,
            UseAllLengths = false,
            SkipLength = 0,
            MaximumNgramsCount = [MaximumNgramsPerLength],
            Weighting = NgramExtractingEstimator.WeightingCriteria.Tf,
        },

        // Counts scaled to unit length: a long comment does not outweigh a short one just by repeating words.
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}
