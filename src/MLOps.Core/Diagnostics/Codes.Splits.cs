namespace MLOps.Core.Diagnostics;

public static partial class Codes
{
    /// <summary>The split mixes keys of different forms (random, by time, from a test file) or names a key its form does not take.</summary>
    public const string SplitFormConflict = "MLOPS0050";

    /// <summary>split.test-from or split.validation-from is not an instant (a date or a date and time).</summary>
    public const string SplitInstantInvalid = "MLOPS0051";

    /// <summary>split.validation-from is not before split.test-from, so the validation split would be empty.</summary>
    public const string SplitInstantOrder = "MLOPS0052";

    /// <summary>split.by names a column the schema does not have, or one that is not a datetime.</summary>
    public const string SplitColumnInvalid = "MLOPS0053";

    /// <summary>split.validation-fraction is not strictly between 0 and 1, or leaves no training rows beside the test fraction.</summary>
    public const string SplitValidationFractionInvalid = "MLOPS0054";

    /// <summary>The trainer's parameters ask for early stopping, but the split has no validation rows to stop on.</summary>
    public const string EarlyStoppingNeedsValidation = "MLOPS0055";

    /// <summary>A --set or --tag option of mlops train is not Name=Value, or --set names no hyperparameter of the trainer or a value that is not a number.</summary>
    public const string TrainOverrideInvalid = "MLOPS0056";

    /// <summary>The separate test data (split.test-data) does not satisfy the schema.</summary>
    public const string TestDataInvalid = "MLOPS1071";

    /// <summary>A split (train, validation or test) has no rows once the data is loaded and split.</summary>
    public const string SplitEmpty = "MLOPS2007";
}
