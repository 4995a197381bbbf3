namespace MLOps.Core.Tracking.Query;

/// <summary>
/// A filter or order-by the compiler cannot read: the MLOPS code (8020-8026) and a message that gives the
/// 1-based position, what was found and what was expected. <see cref="RunQueryCompiler.TryCompile"/> turns it
/// into a diagnostic; callers without a diagnostic bag (the store's List) let it propagate.
/// </summary>
public sealed class QueryException : Exception
{
    public QueryException(string code, string message) : base(message) => Code = code;

    public QueryException() : this("", "") { }

    public QueryException(string message) : this("", message) { }

    public QueryException(string message, Exception innerException) : base(message, innerException) => Code = "";

    public string Code { get; }
}
