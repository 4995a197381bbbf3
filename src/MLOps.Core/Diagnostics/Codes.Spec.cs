namespace MLOps.Core.Diagnostics;

public static partial class Codes
{
    /// <summary>The model spec file does not exist or cannot be read.</summary>
    public const string SpecNotFound = "MLOPS0001";

    /// <summary>The model spec is not valid YAML.</summary>
    public const string SpecSyntax = "MLOPS0002";

    /// <summary>A required key is missing from the spec.</summary>
    public const string SpecMissingKey = "MLOPS0003";

    /// <summary>The spec has a key the format does not know (usually a typo).</summary>
    public const string SpecUnknownKey = "MLOPS0004";

    /// <summary>A spec value has the wrong shape or type (a list where a number was expected, say).</summary>
    public const string SpecInvalidValue = "MLOPS0005";

    /// <summary>The task type is not one the pipeline knows.</summary>
    public const string SpecUnknownTask = "MLOPS0006";

    /// <summary>The trainer is not registered for the spec's task type.</summary>
    public const string SpecUnknownTrainer = "MLOPS0007";

    /// <summary>A hyperparameter is not a numeric option of the chosen trainer.</summary>
    public const string SpecUnknownHyperparameter = "MLOPS0008";

    /// <summary>A feature asks for a derivation the pipeline does not have.</summary>
    public const string SpecUnknownDerivation = "MLOPS0009";

    /// <summary>A feature asks for an encoding the pipeline does not have.</summary>
    public const string SpecUnknownEncoding = "MLOPS0010";

    /// <summary>A feature or the label names a column the data schema does not declare.</summary>
    public const string SpecColumnNotInSchema = "MLOPS0011";

    /// <summary>The label rule is not "&lt;operator&gt; &lt;number&gt;", or does not fit the task or the column type.</summary>
    public const string SpecInvalidLabel = "MLOPS0012";

    /// <summary>The test split fraction is not strictly between 0 and 1.</summary>
    public const string SpecInvalidSplit = "MLOPS0013";

    /// <summary>A gate names a metric the task type does not report.</summary>
    public const string SpecUnknownMetric = "MLOPS0014";

    /// <summary>A gate has neither min nor max, or its min is above its max; or a champion threshold sets none of its three keys, or a negative max-regression.</summary>
    public const string SpecInvalidGate = "MLOPS0015";

    /// <summary>Two features have the same name.</summary>
    public const string SpecDuplicateFeature = "MLOPS0016";

    /// <summary>The data or schema file the spec names does not exist.</summary>
    public const string SpecFileMissing = "MLOPS0017";

    /// <summary>A derivation or encoding does not apply to the source column's type (hour of a number, say).</summary>
    public const string SpecFeatureTypeMismatch = "MLOPS0018";

    /// <summary>An MSBuild property of the pipeline has an invalid value (raised by the targets).</summary>
    public const string InvalidProperty = "MLOPS0019";

    /// <summary>A target needs an MSBuild property that is not set (raised by the targets).</summary>
    public const string MissingProperty = "MLOPS0020";

    /// <summary>A target would replace a file the user owns and was not told to (raised by the targets).</summary>
    public const string OutputExists = "MLOPS0021";

    /// <summary>The MSBuild running the build cannot run the pipeline's .NET tasks (.NET Framework MSBuild before 18).</summary>
    public const string UnsupportedMSBuild = "MLOPS0022";

    // Configuration and usage of the command-line tool (MLOPS0030..).

    /// <summary>The package id given to a command is not in the feed (mlops versions, mlops lineage).</summary>
    public const string PackageNotInFeed = "MLOPS0030";
}
