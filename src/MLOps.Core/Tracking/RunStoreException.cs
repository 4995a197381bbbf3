namespace MLOps.Core.Tracking;

/// <summary>
/// A store could not do what it was asked, for a reason the user can act on: a run id prefix that is ambiguous, a store
/// that became unreachable. <see cref="Code"/> is the MLOPS code to report; the message names the store, never a password.
/// </summary>
public sealed class RunStoreException : Exception
{
    public RunStoreException(string code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    public RunStoreException()
    {
        Code = "";
    }

    public RunStoreException(string message)
        : base(message) => Code = "";

    public RunStoreException(string message, Exception innerException)
        : base(message, innerException) => Code = "";

    public string Code { get; }
}
