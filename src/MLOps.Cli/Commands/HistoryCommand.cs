using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops history</c>: every publish, promotion and rollback of a model, oldest first.</summary>
internal static class HistoryCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        Argument<string> model = ReleaseOptions.Model();
        var json = new Option<bool>("--json") { Description = "Print the events as a JSON array (action, stage, version, at, by, commit, reason, from, champion, override)." };
        Option<string?> directory = ReleaseOptions.Directory();
        var command = new CliCommand(
            "history",
            "Lists every publish (from the first stage's feed: who built it, the commit and why it has its version, from its lineage), promotion and rollback (from release.yaml, with the commit that added the entry), oldest first.",
            "mlops history FlightDelay",
            "mlops history FlightDelay --json")
        {
            model, json, directory,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(model), parsed.GetValue(json), parsed.GetValue(directory),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string modelName, bool json, string? directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        if (ReleaseOptions.Open(modelName, directory, bag) is not { } model)
            return ReleaseOptions.Finish(error, bag);
        IReadOnlyList<HistoryEvent> events = await new ReleaseHistory(model, new StageFeeds(createFolders: false)).ReadAsync(bag, cancellationToken).ConfigureAwait(false);
        if (json)
            output.WriteLine(JsonSerializer.Serialize(events, Indented));
        else
            foreach (HistoryEvent e in events)
                output.WriteLine(Line(e));
        return ReleaseOptions.Finish(error, bag);
    }

    private static string Line(HistoryEvent e)
    {
        string at = e.At?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "(time unknown)";
        string version = e.From is null ? e.Version : $"{e.From} -> {e.Version}";
        string commit = e.Commit is null ? "no commit" : e.Commit == HistoryEvent.Uncommitted ? e.Commit : $"commit {e.Commit[..Math.Min(12, e.Commit.Length)]}";
        var line = $"{at}  {e.Action,-8}  {e.Stage,-10}  {version}  by {e.By ?? "unknown"}  {commit}";
        if (e.Reason is not null)
            line += $"  why: {e.Reason}";
        if (e.Champion is not null)
            line += $"  [{e.Champion}]";
        if (e.Override is not null)
            line += $"  [{e.Override}]";
        return Visible.Escape(line);
    }
}
