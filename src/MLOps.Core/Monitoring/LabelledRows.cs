namespace MLOps.Core.Monitoring;

// The rows the live evaluation hands to ML.NET's evaluators, named as a scored training split is: Label plus the model's
// output columns. ML.NET reads them through LoadFromEnumerable; the setters are what it needs.

/// <summary>A binary prediction and its label.</summary>
public sealed class BinaryRow
{
    public bool Label { get; set; }

    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }
}

/// <summary>A regression prediction and its label.</summary>
public sealed class RegressionRow
{
    public float Label { get; set; }

    public float Score { get; set; }
}

/// <summary>A multiclass prediction and its label, as classes; they become keys in the model's class order when the view is made.</summary>
public sealed class MulticlassRow
{
    public string Label { get; set; } = "";

    public float[] Score { get; set; } = [];

    public string PredictedLabel { get; set; } = "";
}
