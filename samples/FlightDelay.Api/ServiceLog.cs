namespace FlightDelay.Api;

/// <summary>What the service logs about the model it serves (source-generated: no formatting when the level is off).</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Model} {Version} (sha256 {Sha256}) from {Source}; feed: {Feed}.")]
    public static partial void Serving(ILogger logger, string model, string? version, string sha256, string source, string feed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swapped to {Model} {Version} (sha256 {Sha256}) from {Source}; was {Previous}.")]
    public static partial void Swapped(ILogger logger, string model, string? version, string sha256, string source, string? previous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A newer model was refused, {Version} keeps serving: {Reason}")]
    public static partial void Refused(ILogger logger, string? version, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The schema of the candidate in {Directory} could not be read ({Reason}); its inputs are checked against the first model's schema.")]
    public static partial void SchemaUnreadable(ILogger logger, string directory, string reason);
}
