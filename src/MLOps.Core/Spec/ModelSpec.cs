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
    SweepSpec? Sweep = null)
{
    /// <summary>The drift check's settings (docs/model-spec.md#drift); null: the drift engine's defaults.</summary>
    public DriftSpec? Drift { get; init; }

    /// <summary>What a retrain trains on (docs/model-spec.md#retrain); null: the model has no retrain window.</summary>
    public RetrainSpec? Retrain { get; init; }

    /// <summary>
    /// This spec trained on other data (a retrain's window, MLOpsDataPath): everything else as written. The schema and
    /// every rule still apply; lineage records the data actually trained on.
    /// </summary>
    public ModelSpec WithDataPath(string path) =>
        this with { Data = Data with { Path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path)) } };

    /// <summary>The <c>monitoring:</c> section: live metric thresholds (<see cref="MonitoringSpec"/>); null when absent.</summary>
    public MonitoringSpec? Monitoring { get; init; }
}

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

/// <summary>
/// How the rows become train, validation and test splits (docs/model-spec.md#split). Random (today's form): the test
/// fraction and the seed that picks them. By time (<see cref="By"/>): rows at or after <see cref="TestFrom"/> are the
/// test split. From a file (<see cref="TestData"/>): a separate test file or folder. Any of them may hold out a
/// validation split (<see cref="ValidationFraction"/>, or <see cref="ValidationFrom"/> by time) for early stopping and
/// sweeps; the new members are unset for a spec that does not use them, so today's spec reads as it always did.
/// </summary>
public sealed record SplitSpec(double TestFraction, int Seed)
{
    /// <summary>Random validation rows, as a fraction of all rows of the training data; null: none.</summary>
    public double? ValidationFraction { get; init; }

    /// <summary>The datetime column a time split cuts on; null: not a time split.</summary>
    public string? By { get; init; }

    /// <summary>Time split: rows at or after this instant are the test split.</summary>
    public DateTime? TestFrom { get; init; }

    /// <summary>Time split: rows in [ValidationFrom, TestFrom) are the validation split.</summary>
    public DateTime? ValidationFrom { get; init; }

    /// <summary>A separate test file or folder (absolute); null: the test rows come from the training data.</summary>
    public string? TestData { get; init; }

    /// <summary>The line of the split mapping, set only when a new key is used (diagnostics about the split point there).</summary>
    public int Line { get; init; }

    public SplitKind Kind => TestData is not null ? SplitKind.File : By is not null ? SplitKind.Time : SplitKind.Random;

    public bool HasValidation => ValidationFraction is not null || ValidationFrom is not null;
}

public enum SplitKind { Random, Time, File }

/// <summary>An absolute threshold on one metric: the metric must be at least <see cref="Min"/> and at most <see cref="Max"/>.</summary>
public sealed record GateSpec(string Metric, double? Min, double? Max, int Line);
