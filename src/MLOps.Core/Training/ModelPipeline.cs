using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MLOps.Core.Spec;

using MLOps.ModelFormat;

namespace MLOps.Core.Training;

/// <summary>
/// The estimator chain the saved model holds: feature derivations and encodings from the spec, the
/// trainer, and (multiclass) the mapping of predicted keys back to label values. It reads only the raw
/// source columns, so the model scores the same rows a service has.
/// </summary>
public static class ModelPipeline
{
    public const string FeaturesColumn = "Features";

    /// <summary>Multiclass: the predicted label as a label value (string or number), not a key.</summary>
    public const string PredictedValueColumn = "PredictedValue";

    public static IEstimator<ITransformer> For(MLContext ml, ModelSpec spec)
    {
        IEstimator<ITransformer> chain = Featurizer(ml, spec).Append(Trainer(ml, spec));
        return spec.Task == TaskType.MulticlassClassification ? chain.Append(PredictedValue(ml)) : chain;
    }

    /// <summary>The trainer the spec names, made with its hyperparameters and seed.</summary>
    public static IEstimator<ITransformer> Trainer(MLContext ml, ModelSpec spec) =>
        Descriptor(spec).Create(ml, spec.Trainer.Parameters, spec.Trainer.Seed, LabelPreparation.LabelColumn, FeaturesColumn);

    public static TrainerDescriptor Descriptor(ModelSpec spec) => TrainerCatalog.Find(spec.Task, spec.Trainer.Name)
        ?? throw new InvalidOperationException($"Trainer {spec.Trainer.Name} was validated by SpecLoader.");

    /// <summary>Multiclass: PredictedLabel stays a key (what the evaluator needs); its label value goes beside it.</summary>
    public static IEstimator<ITransformer> PredictedValue(MLContext ml) =>
        ml.Transforms.Conversion.MapKeyToValue(PredictedValueColumn, "PredictedLabel");

    /// <summary>Everything before the trainer: derivations, encodings, the Features vector (normalized for linear trainers).</summary>
    public static IEstimator<ITransformer> Featurizer(MLContext ml, ModelSpec spec)
    {
        TrainerDescriptor trainer = Descriptor(spec);
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        foreach (var dateSource in spec.Features.Where(f => f.Derive is not null).GroupBy(f => f.Source))
        {
            chain = chain.Append(ml.Transforms.CopyColumns(DateParts.InputColumn, dateSource.Key))
                .Append(ml.Transforms.CustomMapping<DateParts.Input, DateParts.Output>(DateParts.Map, DateParts.ContractName));
            foreach (FeatureSpec f in dateSource)
            {
                // A part such as the hour is a number; one-hot makes each value seen in training its own input
                // (for effects that are not monotonic in the number, such as rush hours).
                string part = DateParts.Columns[f.Derive!];
                chain = f.Encoding == FeatureEncoding.OneHot
                    ? chain.Append(ml.Transforms.Categorical.OneHotEncoding(f.Name, part))
                    : chain.Append(ml.Transforms.CopyColumns(f.Name, part));
            }
        }

        foreach (FeatureSpec f in spec.Features.Where(f => f.Derive is null))
        {
            chain = f.Encoding switch
            {
                FeatureEncoding.OneHot => chain.Append(ml.Transforms.Categorical.OneHotEncoding(f.Name, f.Source)),
                FeatureEncoding.Text => chain.Append(ml.Transforms.Text.FeaturizeText(f.Name, TextFeaturization.Options(), f.Source)),
                _ => chain.Append(ml.Transforms.Conversion.ConvertType(f.Name, f.Source, DataKind.Single))
                    .Append(ml.Transforms.ReplaceMissingValues(f.Name, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)),
            };
        }

        chain = chain.Append(ml.Transforms.Concatenate(FeaturesColumn, spec.Features.Select(f => f.Name).ToArray()));
        if (trainer.NeedsNormalizedFeatures)
        {
            chain = chain.Append(ml.Transforms.NormalizeMinMax(FeaturesColumn));
        }

        return chain;
    }

    /// <summary>The raw data columns the model reads (feature sources), in first-use order.</summary>
    public static IReadOnlyList<string> InputColumns(ModelSpec spec) =>
        spec.Features.Select(f => f.Source).Distinct(StringComparer.Ordinal).ToArray();
}
