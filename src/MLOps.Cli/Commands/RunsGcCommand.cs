using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops runs gc</c>: marks as failed the runs left "running" by a process that is gone (this host), and with
/// <c>--older-than</c> any run still running after that long (a killed CI agent, another host).
/// </summary>
internal static partial class RunsGcCommand
{
    public static Command Create()
    {
        Option<string?> store = RunStoreOption.Create();
        var olderThan = new Option<string?>("--older-than")
        {
            Description = "Also fail runs of any host still running after this long: a number and m, h or d (6h, 2d).",
        };
        var command = new CliCommand(
            "gc",
            "Marks as failed the runs left running by a process that ended without finishing them (on this host), and with --older-than every run still running after that long.",
            "mlops runs gc", "mlops runs gc --older-than 6h --store \"Host=db;Database=runs;Username=ci\"")
        {
            store, olderThan,
        };
        command.SetAction(parsed => Run(parsed.GetValue(store), parsed.GetValue(olderThan), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? storeOption, string? olderThan, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        TimeSpan? age = null;
        if (olderThan is not null && (age = ParseAge(olderThan)) is null)
        {
            bag.Error(Codes.RunGcAgeInvalid, $"--older-than '{olderThan}' is not a duration: expected a whole number and m, h or d (30m, 6h, 2d).");
            return Finish(error, bag);
        }

        using IRunStore? store = RunStoreOption.Open(storeOption, bag);
        if (store is null)
            return Finish(error, bag);
        try
        {
            int marked = store.MarkAbandoned(age);
            output.WriteLine($"{marked} abandoned run{(marked == 1 ? "" : "s")} marked failed in {store.Description}.");
        }
        catch (RunStoreException e)
        {
            bag.Error(e.Code, e.Message);
        }

        return Finish(error, bag);
    }

    private static int Finish(TextWriter error, DiagnosticBag bag)
    {
        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }

    internal static TimeSpan? ParseAge(string text)
    {
        Match match = AgePattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count <= 0)
            return null;
        return match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(count),
            "h" => TimeSpan.FromHours(count),
            _ => TimeSpan.FromDays(count),
        };
    }

    [GeneratedRegex("^([0-9]{1,6})([mhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();
}
