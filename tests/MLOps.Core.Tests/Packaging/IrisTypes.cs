using Microsoft.ML.Data;
using MLOps.Runtime;

namespace MLOps.Core.Tests.Packaging;

// The typed API the generator writes for TestModels.IrisSpec (see ApiGeneratorTests).
public sealed class IrisInput
{
    [ColumnName("petal_length")]
    public float PetalLength { get; set; }

    [ColumnName("petal_width")]
    public float PetalWidth { get; set; }
}

public sealed class IrisPrediction : IMulticlassPrediction<string>
{
    [ColumnName("PredictedValue")]
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];

    [NoColumn]
    public IReadOnlyList<string> Classes { get; set; } = [];

    [NoColumn]
    public IReadOnlyList<ClassProbability<string>> Probabilities => ClassProbability.Pair(Classes, Score);
}

/// <summary>The prediction the generator writes when the species is an integer column.</summary>
public sealed class CodedIrisPrediction : IMulticlassPrediction<float>
{
    [ColumnName("PredictedValue")]
    public float PredictedLabel { get; set; }

    public float[] Score { get; set; } = [];

    [NoColumn]
    public IReadOnlyList<float> Classes { get; set; } = [];

    [NoColumn]
    public IReadOnlyList<ClassProbability<float>> Probabilities => ClassProbability.Pair(Classes, Score);
}

/// <summary>A binary model's prediction: the same model with the wrong typed API.</summary>
public sealed class NotMulticlassPrediction : IMulticlassPrediction<string>
{
    public bool PredictedLabel { get; set; }

    [NoColumn]
    public IReadOnlyList<string> Classes { get; set; } = [];
}

// The typed input the generator writes for TestModels.FlightsSpec.
public sealed class FlightsInput
{
    [ColumnName("date")]
    public DateTime Date { get; set; }

    [ColumnName("distance")]
    public float Distance { get; set; }

    [ColumnName("origin")]
    public string Origin { get; set; } = "";
}
