using NuGet.Common;

namespace MLOps.Core.Registry;

/// <summary>
/// Collects the warnings and errors NuGet logs during one operation: some failures (an http source that
/// is not allowed, a push the server refused) are only logged, not thrown.
/// </summary>
internal sealed class NuGetMessages : LoggerBase
{
    private readonly List<ILogMessage> _messages = [];

    public NuGetMessages()
        : base(LogLevel.Warning)
    {
    }

    public IReadOnlyList<ILogMessage> Errors
    {
        get
        {
            lock (_messages)
                return [.. _messages.Where(m => m.Level == LogLevel.Error)];
        }
    }

    public override void Log(ILogMessage message)
    {
        if (message.Level < LogLevel.Warning)
            return;
        lock (_messages)
            _messages.Add(message);
    }

    public override Task LogAsync(ILogMessage message)
    {
        Log(message);
        return Task.CompletedTask;
    }
}
