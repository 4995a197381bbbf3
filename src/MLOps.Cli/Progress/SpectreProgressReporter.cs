using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace MLOps.Cli.Progress;

/// <summary>
/// Progress in an interactive terminal through Spectre.Console: a spinner with the step's live status while it runs,
/// then one line with its time; counted work as a progress bar. Everything goes to the writer it was given (the
/// command's error writer), so results on standard output stay clean for pipes.
/// </summary>
internal sealed class SpectreProgressReporter : IProgressReporter
{
    private readonly IAnsiConsole _console;

    public SpectreProgressReporter(TextWriter writer) =>
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
        });

    public T Step<T>(string description, Func<Action<string>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        T result = _console.Status().Spinner(Spinner.Known.Dots).Start(Markup.Escape(description),
            context => work(message => context.Status(Markup.Escape($"{description}: {message}"))));
        _console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[green]✓[/] {Markup.Escape(description)} [grey]({clock.Elapsed.TotalSeconds:0.0} s)[/]"));
        return result;
    }

    public void Count(string description, int total, Action<Action> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(description), maxValue: total);
                work(() => task.Increment(1));
            });
    }
}
