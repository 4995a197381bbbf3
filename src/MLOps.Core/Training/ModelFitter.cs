using Microsoft.ML;
using MLOps.Core.Spec;

namespace MLOps.Core.Training;

/// <summary>Fits the model's pipeline on the training rows of a split.</summary>
public static class ModelFitter
{
    public static ITransformer Fit(MLContext ml, ModelSpec spec, SplitSets sets) =>
        ModelPipeline.For(ml, spec).Fit(sets.Train);
}
