namespace MLOps.Core.Diagnostics;

// Sweeps: the spec's sweep: section (MLOPS0060..0069) and running, sharding and finishing a sweep (MLOPS8040..8059).
public static partial class Codes
{
    /// <summary>A sweep parameter is not a hyperparameter of the spec's trainer (TrainerNames lists them).</summary>
    public const string SweepUnknownParameter = "MLOPS0060";

    /// <summary>A range ({ min, max }) under strategy grid: a grid needs the values listed.</summary>
    public const string SweepRangeInGrid = "MLOPS0061";

    /// <summary>Strategy random without trials (or trials below 1).</summary>
    public const string SweepTrialsMissing = "MLOPS0062";

    /// <summary>A range's scale is not linear or log, or a log scale over a range that reaches 0 or below.</summary>
    public const string SweepInvalidScale = "MLOPS0063";

    /// <summary>The spec sweeps but has no validation split: trials would have to be judged on the test split.</summary>
    public const string SweepNeedsValidationSplit = "MLOPS0064";

    /// <summary>A parameter's search space is empty or inverted: an empty list, min at or above max, an integer range with no integer in it.</summary>
    public const string SweepInvalidRange = "MLOPS0065";

    /// <summary>The strategy is not grid or random.</summary>
    public const string SweepUnknownStrategy = "MLOPS0066";

    /// <summary>The sweep metric is not reported for the task, or parallel is below 1.</summary>
    public const string SweepInvalidSetting = "MLOPS0067";

    /// <summary>The sweep has no parameters, or a grid whose product has more trials than a sweep runs (1,000).</summary>
    public const string SweepInvalidSize = "MLOPS0068";

    /// <summary>mlops sweep finish / the finishing build: trials of the plan have no succeeded run under the parent.</summary>
    public const string SweepTrialsNotRecorded = "MLOPS8040";

    /// <summary>The sweep parent run is not in the store, or is not a sweep parent (source sweep, no parent of its own).</summary>
    public const string SweepParentNotFound = "MLOPS8041";

    /// <summary>A trial run has no validation value for the sweep's metric.</summary>
    public const string SweepTrialWithoutMetric = "MLOPS8042";

    /// <summary>MLOpsSweepShard is not i/n with 1 &lt;= i &lt;= n.</summary>
    public const string SweepInvalidShard = "MLOPS8043";

    /// <summary>MLOpsSweepParallel is not a whole number of at least 1.</summary>
    public const string SweepInvalidParallel = "MLOPS8044";

    /// <summary>A sweep target ran on a model whose spec has no sweep: section.</summary>
    public const string SweepNotDeclared = "MLOPS8045";

    /// <summary>The finishing build's spec or data differ from the ones the sweep's parent run recorded.</summary>
    public const string SweepInputsChanged = "MLOPS8046";

    /// <summary>A sweep needs the run store, and run tracking is off (MLOpsTrackRuns=false) or the store cannot be opened.</summary>
    public const string SweepNeedsRunStore = "MLOPS8047";

    /// <summary>The winner file of the sweep (sweep/winner.json) cannot be read: the finishing build cannot train the winner.</summary>
    public const string SweepWinnerUnreadable = "MLOPS8048";

    /// <summary>build/Models.proj's Sweep or SweepFinish was given a model (--model, MLOpsSweepModel) with no project under models/ (raised by the targets).</summary>
    public const string SweepModelNotFound = "MLOPS8049";

    /// <summary>A warning: the sweep's degree is above MSBuild's node count (-m), so fewer trials run at once than asked.</summary>
    public const string SweepDegreeAboveNodes = "MLOPS8050";
}
