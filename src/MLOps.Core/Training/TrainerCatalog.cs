using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MLOps.Core.Spec;

namespace MLOps.Core.Training;

/// <summary>
/// Every trainer a spec can name, keyed by task and name. Adding one is one line here.
/// LightGbm stops early on the validation split when the spec sets EarlyStoppingRound (FastTree's early stopping is an
/// options object, not a number a spec can set, so it is not offered).
/// SDCA runs single-threaded: with several threads its updates race and the model is not reproducible.
/// </summary>
public static class TrainerCatalog
{
    /// <summary>LightGbm's early stopping option: stop when the validation metric has not improved for this many rounds.</summary>
    public const string EarlyStopping = "EarlyStoppingRound";

    public static IReadOnlyList<TrainerDescriptor> All { get; } =
    [
        new TrainerDescriptor<LightGbmBinaryTrainer.Options>("LightGbm", TaskType.BinaryClassification, (ml, o) => ml.BinaryClassification.Trainers.LightGbm(o), (o, s) => o.Seed = s)
            { EarlyStoppingParameter = EarlyStopping, FitWithValidation = (e, train, validation) => ((LightGbmBinaryTrainer)e).Fit(train, validation) },
        new TrainerDescriptor<FastTreeBinaryTrainer.Options>("FastTree", TaskType.BinaryClassification, (ml, o) => ml.BinaryClassification.Trainers.FastTree(o), (o, s) => o.Seed = s),
        new TrainerDescriptor<SdcaLogisticRegressionBinaryTrainer.Options>("SdcaLogisticRegression", TaskType.BinaryClassification, (ml, o) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(o), (o, _) => o.NumberOfThreads = 1, needsNormalizedFeatures: true),
        new TrainerDescriptor<LightGbmMulticlassTrainer.Options>("LightGbm", TaskType.MulticlassClassification, (ml, o) => ml.MulticlassClassification.Trainers.LightGbm(o), (o, s) => o.Seed = s)
            { EarlyStoppingParameter = EarlyStopping, FitWithValidation = (e, train, validation) => ((LightGbmMulticlassTrainer)e).Fit(train, validation) },
        new TrainerDescriptor<SdcaMaximumEntropyMulticlassTrainer.Options>("SdcaMaximumEntropy", TaskType.MulticlassClassification, (ml, o) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(o), (o, _) => o.NumberOfThreads = 1, needsNormalizedFeatures: true),
        new TrainerDescriptor<LightGbmRegressionTrainer.Options>("LightGbm", TaskType.Regression, (ml, o) => ml.Regression.Trainers.LightGbm(o), (o, s) => o.Seed = s)
            { EarlyStoppingParameter = EarlyStopping, FitWithValidation = (e, train, validation) => ((LightGbmRegressionTrainer)e).Fit(train, validation) },
        new TrainerDescriptor<FastTreeRegressionTrainer.Options>("FastTree", TaskType.Regression, (ml, o) => ml.Regression.Trainers.FastTree(o), (o, s) => o.Seed = s),
        new TrainerDescriptor<SdcaRegressionTrainer.Options>("Sdca", TaskType.Regression, (ml, o) => ml.Regression.Trainers.Sdca(o), (o, _) => o.NumberOfThreads = 1, needsNormalizedFeatures: true),
    ];

    public static TrainerDescriptor? Find(TaskType task, string name) =>
        All.FirstOrDefault(t => t.Task == task && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> NamesFor(TaskType task) => All.Where(t => t.Task == task).Select(t => t.Name);
}
