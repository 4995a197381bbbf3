namespace MLOps.Core.Training;

/// <summary>
/// The data cannot train the model the spec asks for, for a reason the spec can fix (a split with no rows): carries the
/// MLOPS code to report. An <see cref="InvalidOperationException"/>, so callers that catch ML.NET's refusals catch it too.
/// </summary>
public sealed class TrainingDataException : InvalidOperationException
{
    public TrainingDataException(string code, string message)
        : base(message) => Code = code;

    public TrainingDataException()
        : this("", "")
    {
    }

    public TrainingDataException(string message)
        : this("", message)
    {
    }

    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException) => Code = "";

    public string Code { get; }
}
