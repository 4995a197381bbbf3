using System.Diagnostics;
using System.Globalization;

namespace MLOps.Cli.Progress;

/// <summary>
/// Progress as plain lines, one per event, that read well in a CI log or a file: "validating: started", what the step
/// reports while it runs, "validating: done in 1.2 s"; counted work as "sweeping: 3/8".
/// </summary>
internal sealed class PlainProgressReporter(TextWriter writer) : IProgressReporter
{
    public T Step<T>(string description, Func<Action<string>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        writer.WriteLine($"{description}: started");
        var clock = Stopwatch.StartNew();
        T result = work(message => writer.WriteLine($"{description}: {message}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{description}: done in {clock.Elapsed.TotalSeconds:0.0} s"));
        return result;
    }

    public void Count(string description, int total, Action<Action> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        int done = 0;
        writer.WriteLine($"{description}: 0/{total}");
        work(() => writer.WriteLine($"{description}: {Interlocked.Increment(ref done)}/{total}"));
    }
}
