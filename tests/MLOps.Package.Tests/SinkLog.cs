using Xunit.Abstractions;
using Xunit.Sdk;

namespace MLOps.Package.Tests;

/// <summary>A fixture's command output goes to the diagnostic messages (dotnet test -v n shows them).</summary>
internal sealed class SinkLog(IMessageSink sink) : ITestOutputHelper
{
    public void WriteLine(string message) => sink.OnMessage(new DiagnosticMessage(message));

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
