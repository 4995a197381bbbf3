using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Spec;

namespace MLOps.Core.Training;

/// <summary>
/// Fits the model's pipeline on the training rows of a split. With early stopping asked for (LightGbm's
/// EarlyStoppingRound) the featurizers are fitted on the training rows alone, both training and validation rows go
/// through them, and the trainer is fitted with the validation rows to stop on: the validation rows never shape the
/// features (their one-hot categories, their normalization), only when boosting stops.
/// </summary>
public static class ModelFitter
{
    public static ITransformer Fit(MLContext ml, ModelSpec spec, SplitSets sets)
    {
        TrainerDescriptor descriptor = ModelPipeline.Descriptor(spec);
        if (!StopsEarly(spec, descriptor) || sets.Validation is null || descriptor.FitWithValidation is not { } fitWithValidation)
        {
            return ModelPipeline.For(ml, spec).Fit(sets.Train);
        }

        ITransformer featurizer = ModelPipeline.Featurizer(ml, spec).Fit(sets.Train);
        IDataView trainFeatures = featurizer.Transform(sets.Train);
        ITransformer trainer = fitWithValidation(ModelPipeline.Trainer(ml, spec), trainFeatures, featurizer.Transform(sets.Validation));
        var chain = new TransformerChain<ITransformer>(featurizer, trainer);
        return spec.Task == TaskType.MulticlassClassification
            ? chain.Append(ModelPipeline.PredictedValue(ml).Fit(trainer.Transform(trainFeatures)))
            : chain;
    }

    /// <summary>Whether the spec sets the trainer's early stopping parameter to a positive number of rounds.</summary>
    public static bool StopsEarly(ModelSpec spec, TrainerDescriptor descriptor) =>
        descriptor.EarlyStoppingParameter is { } name && spec.Trainer.Parameters.TryGetValue(name, out double rounds) && rounds > 0;
}
