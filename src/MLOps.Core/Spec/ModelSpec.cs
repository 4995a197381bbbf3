namespace MLOps.Core.Spec;

/// <summary>
/// A model spec (models/&lt;Model&gt;/model.yaml), parsed and validated: everything needed to train,
/// evaluate and gate one model. Paths are absolute, resolved against the spec's folder.
/// docs/model-spec.md documents the file.
/// </summary>
public sealed record ModelSpec(
    string Name,
    TaskType Task,
    DataSpec Data,
    LabelSpec Label,
    IReadOnlyList<FeatureSpec> Features,
    TrainerSpec Trainer,
    SplitSpec Split,
    IReadOnlyList<GateSpec> Gates,
    string SourcePath,
    string? Description = null,
    string? IntendedUse = null,
    ChampionSpec? Champion = null,
    SweepSpec? Sweep = null);

public enum TaskType { BinaryClassification, MulticlassClassification, Regression }

/// <summary>The training data file and the schema it must satisfy.</summary>
public sealed record DataSpec(string Path, string SchemaPath);

/// <summary>
/// The label: a column of the data, optionally turned into a boolean by a comparison with a number
/// (<c>when: "&gt; 15"</c> makes "delayed more than 15 minutes" out of a delay in minutes).
/// </summary>
public sealed record LabelSpec(string Column, LabelRule? Rule, int Line);

public sealed record LabelRule(string Operator, double Value)
{
    public override string ToString() => $"{Operator} {Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// One model input: a source column, optionally derived (<c>hour</c> of a date) and encoded
/// (<c>one-hot</c> for categories, <c>text</c> for free text, <c>numeric</c> otherwise).
/// </summary>
public sealed record FeatureSpec(string Name, string Source, string? Derive, FeatureEncoding Encoding, int Line);

public enum FeatureEncoding { Numeric, OneHot, Text }

/// <summary>The trainer by name, its hyperparameters (by ML.NET option name) and its seed.</summary>
public sealed record TrainerSpec(string Name, IReadOnlyDictionary<string, double> Parameters, int Seed);

/// <summary>The held-out test split: the fraction of rows it takes and the seed that picks them.</summary>
public sealed record SplitSpec(double TestFraction, int Seed);

/// <summary>An absolute threshold on one metric: the metric must be at least <see cref="Min"/> and at most <see cref="Max"/>.</summary>
public sealed record GateSpec(string Metric, double? Min, double? Max, int Line);
