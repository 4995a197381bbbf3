using System.Text;

namespace MLOps.Cli;

/// <summary>
/// A writer that knows whether it may colour what it writes (<see cref="Terminal.AllowsColor"/>). The
/// console's writers are wrapped in one; any other writer (a test's StringWriter) is written plain.
/// </summary>
internal sealed class StyledWriter(TextWriter inner, bool color) : TextWriter
{
    public const string Red = "31";

    public const string Yellow = "33";

    public bool Color { get; } = color;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>The text in the colour when <paramref name="writer"/> may colour, else as it is.</summary>
    public static string Paint(TextWriter writer, string text, string color) =>
        writer is StyledWriter { Color: true } ? $"\u001b[{color}m{text}\u001b[0m" : text;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value);

    public override void WriteLine(string? value) => inner.WriteLine(value);

    public override void Flush() => inner.Flush();
}
