namespace MLOps.Core.Diagnostics;

// The drift engine: the drift reference file, the per-column options and the comparison (src/MLOps.Core/Drift).
// The drift command and its checks (drift found, DriftCheck, Retrain) have MLOPS7030-7049.
public static partial class Codes
{
    /// <summary>The drift reference file does not exist or cannot be read.</summary>
    public const string DriftReferenceUnreadable = "MLOPS7001";

    /// <summary>The file is not a drift reference: not JSON, or JSON without <c>"format": "mlops-drift-reference"</c> (a profile.json or a data file given where drift-reference.json was expected).</summary>
    public const string DriftReferenceNotReference = "MLOPS7002";

    /// <summary>The drift reference has a format version this build does not read.</summary>
    public const string DriftReferenceVersion = "MLOPS7003";

    /// <summary>A drift reference column is inconsistent (values not sorted and distinct, counts that do not add up, a grid without cells): the column is left out.</summary>
    public const string DriftReferenceColumnInvalid = "MLOPS7004";

    /// <summary>A reference column is missing from the current data: it cannot be compared.</summary>
    public const string DriftColumnMissing = "MLOPS7005";

    /// <summary>A column is numeric on one side and categorical on the other.</summary>
    public const string DriftKindMismatch = "MLOPS7006";

    /// <summary>A column option names a drift method that is not in the methods table.</summary>
    public const string DriftUnknownMethod = "MLOPS7007";

    /// <summary>A threshold is out of range: a p-value threshold must lie in (0, 1), a distance threshold must be above 0.</summary>
    public const string DriftThresholdOutOfRange = "MLOPS7008";

    /// <summary>A column option names a method that does not apply to the column's kind (ks, wasserstein or psi on a categorical column).</summary>
    public const string DriftMethodNotApplicable = "MLOPS7009";

    /// <summary>The current data has no rows: there is nothing to compare.</summary>
    public const string DriftCurrentEmpty = "MLOPS7010";

    /// <summary>The reference has no rows: there is nothing to compare against.</summary>
    public const string DriftReferenceEmpty = "MLOPS7011";

    /// <summary>A column has no values on one side (every value missing): it is left out of the comparison (a warning).</summary>
    public const string DriftColumnNoValues = "MLOPS7012";

    /// <summary>A column option names a column the reference does not have (a warning: usually a typo).</summary>
    public const string DriftOptionUnknownColumn = "MLOPS7013";

    /// <summary>The dataset share is out of range: it must lie in (0, 1].</summary>
    public const string DriftShareOutOfRange = "MLOPS7014";

    /// <summary>Chi-square was asked for on a numeric column held as a grid (over 100,000 distinct values): it needs exact values.</summary>
    public const string DriftMethodNeedsExactValues = "MLOPS7015";

    /// <summary>No column could be compared: the report has no columns and no dataset verdict.</summary>
    public const string DriftNothingCompared = "MLOPS7016";
}
