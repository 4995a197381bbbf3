namespace MLOps.Core.Diagnostics;

// Schema inference (MLOPS1050..): data codes from 1050 up, apart from the validation codes below them.
public static partial class Codes
{
    /// <summary>A header column has no name, so an inferred schema cannot name it: it is left out (a warning).</summary>
    public const string HeaderColumnUnnamed = "MLOPS1050";

    /// <summary>The label column given to schema inference (--label, MLOpsInferLabel) is not in the data's header.</summary>
    public const string InferLabelNotInData = "MLOPS1070";
}
