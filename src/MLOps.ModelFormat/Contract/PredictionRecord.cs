using System.Text.Json;

namespace MLOps.ModelFormat.Contract;

/// <summary>
/// One line of a prediction log (docs/serving.md, "The prediction log"): when a model answered, which model (name,
/// version, sha256), the request, and the input and output. Input keys are the model's column names (the schema's),
/// output keys the prediction class's property names; values stay JSON (<see cref="JsonElement"/>) so a reader turns
/// them into the schema's types (a datetime is ISO 8601 <c>yyyy-MM-ddTHH:mm:ss.FFFFFFF</c>; NaN is null).
/// </summary>
public sealed record PredictionRecord(
    DateTimeOffset Time,
    string RequestId,
    string Model,
    string? Version,
    string ModelSha256,
    IReadOnlyDictionary<string, JsonElement> Input,
    IReadOnlyDictionary<string, JsonElement> Output)
{
    /// <summary>The log's JSON names, in the order every line writes them.</summary>
    public static class Keys
    {
        public const string Time = "time";
        public const string RequestId = "request_id";
        public const string Model = "model";
        public const string Version = "version";
        public const string ModelSha256 = "model_sha256";
        public const string Input = "input";
        public const string Output = "output";

        /// <summary>A line of its own ({"time":...,"dropped":N}): N records were lost before it (docs/serving.md).</summary>
        public const string Dropped = "dropped";
    }

    /// <summary>Log file names: predictions-&lt;yyyyMMddTHHmmss&gt;-&lt;n&gt;.jsonl.</summary>
    public const string FilePrefix = "predictions-";

    public const string FileExtension = ".jsonl";

    /// <summary>The time format of the file names (UTC).</summary>
    public const string FileTimeFormat = "yyyyMMdd'T'HHmmss";
}
