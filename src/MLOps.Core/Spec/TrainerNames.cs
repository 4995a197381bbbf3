namespace MLOps.Core.Spec;

/// <summary>
/// The trainers a spec can name and the hyperparameters each accepts, as plain names: what
/// <see cref="SpecLoader"/> checks a spec against without loading ML.NET. The training side's TrainerCatalog
/// maps each name to its ML.NET trainer; a unit test keeps the two lists equal (adding a trainer is one line in each).
/// </summary>
public static class TrainerNames
{
    public const string Default = "LightGbm";

    // The numeric and boolean public fields of each trainer's ML.NET options class (ML.NET 5.0).
    private static readonly string[] LightGbm =
    [
        "BatchSize", "CategoricalSmoothing", "Deterministic", "EarlyStoppingRound", "ForceColumnWise", "ForceRowWise",
        "HandleMissingValue", "L2CategoricalRegularization", "LearningRate", "MaximumBinCountPerFeature",
        "MaximumCategoricalSplitPointCount", "MinimumExampleCountPerGroup", "MinimumExampleCountPerLeaf", "NumberOfIterations",
        "NumberOfLeaves", "NumberOfThreads", "Seed", "Silent", "UseCategoricalSplit", "UseZeroAsMissingValue", "Verbose",
    ];

    private static readonly string[] FastTree =
    [
        "AllowEmptyTrees", "BaggingExampleFraction", "BaggingSize", "BestStepRankingRegressionTrees", "Bias", "CategoricalSplit",
        "CompressEnsemble", "DiskTranspose", "DropoutRate", "EnablePruning", "EntropyCoefficient", "ExecutionTime",
        "FeatureFirstUsePenalty", "FeatureFlocks", "FeatureFraction", "FeatureFractionPerSplit", "FeatureReusePenalty",
        "FeatureSelectionSeed", "FilterZeroLambdas", "GainConfidenceLevel", "GetDerivativesSampleRate", "HistogramPoolSize",
        "LearningRate", "MaximumBinCountPerFeature", "MaximumCategoricalGroupCountPerNode", "MaximumCategoricalSplitPointCount",
        "MaximumNumberOfLineSearchSteps", "MaximumTreeOutput", "MemoryStatistics", "MinimumExampleCountPerLeaf",
        "MinimumExampleFractionForCategoricalSplit", "MinimumExamplesForCategoricalSplit", "MinimumStepSize", "NumberOfLeaves",
        "NumberOfThreads", "NumberOfTrees", "PruningThreshold", "PruningWindowSize", "RandomStart", "Seed", "Shrinkage",
        "Smoothing", "SoftmaxTemperature", "SparsifyThreshold", "TestFrequency", "UseLineSearch", "UseTolerantPruning",
        "WriteLastEnsemble",
    ];

    private static readonly string[] Sdca =
    [
        "BiasLearningRate", "ConvergenceCheckFrequency", "ConvergenceTolerance", "L1Regularization", "L2Regularization",
        "MaximumNumberOfIterations", "NumberOfThreads", "Shuffle",
    ];

    public static IReadOnlyList<TrainerName> All { get; } =
    [
        new("LightGbm", TaskType.BinaryClassification, [.. LightGbm, "Sigmoid", "UnbalancedSets", "WeightOfPositiveExamples"]),
        new("FastTree", TaskType.BinaryClassification, [.. FastTree, "UnbalancedSets"]),
        new("SdcaLogisticRegression", TaskType.BinaryClassification, [.. Sdca, "PositiveInstanceWeight"]),
        new("LightGbm", TaskType.MulticlassClassification, [.. LightGbm, "Sigmoid", "UnbalancedSets", "UseSoftmax"]),
        new("SdcaMaximumEntropy", TaskType.MulticlassClassification, Sdca),
        new("LightGbm", TaskType.Regression, LightGbm),
        new("FastTree", TaskType.Regression, FastTree),
        new("Sdca", TaskType.Regression, Sdca),
    ];

    public static TrainerName? Find(TaskType task, string name) =>
        All.FirstOrDefault(t => t.Task == task && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> NamesFor(TaskType task) => All.Where(t => t.Task == task).Select(t => t.Name);
}

/// <summary>One trainer by the name a spec uses, with its hyperparameter names in ordinal order.</summary>
public sealed record TrainerName(string Name, TaskType Task, IReadOnlyList<string> ParameterNames)
{
    public IReadOnlyList<string> ParameterNames { get; } = [.. ParameterNames.Order(StringComparer.Ordinal)];
}
