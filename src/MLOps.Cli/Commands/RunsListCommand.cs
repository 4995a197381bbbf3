using System.CommandLine;
using System.Text.Json.Nodes;
using MLOps.Cli.Runs;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Core.Tracking.Query;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops runs list</c>: the runs a filter selects, newest first unless ordered otherwise, as a table or JSON.</summary>
internal static class RunsListCommand
{
    public const int DefaultLimit = 20;

    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "Only the runs of this model.", HelpName = "name" };
        var where = new Option<string?>("--where", "-w")
        {
            Description = "A filter: metrics.<name> (test split), metrics.validation.<name>, params.<key>, tags.<key> and attributes (id, model, status, source, started_at, ...) compared with = != < <= > >= LIKE ILIKE IN, IS NULL, joined with AND, OR, NOT and parentheses; text in single quotes.",
            HelpName = "filter",
        };
        var orderBy = new Option<string?>("--order-by", "-o") { Description = "Names to sort by, each optionally ASC or DESC, comma-separated (default: newest first).", HelpName = "order" };
        var limit = new Option<int>("--limit", "-n") { Description = $"At most this many runs (default {DefaultLimit}).", DefaultValueFactory = _ => DefaultLimit };
        var json = new Option<bool>("--json") { Description = "Print the runs as a JSON array, with every param, metric and tag." };
        Option<string?> store = RunStoreOption.Create();
        var command = new CliCommand(
            "list",
            "Lists the runs in the run store that match a filter, newest first (or in --order-by's order): id, model, status, source, start, duration, the main test metrics and the package version.",
            "mlops runs list --model FlightDelay --limit 10",
            "mlops runs list --where \"metrics.auc > 0.7 AND (params.trainer = 'LightGbm' OR tags.note LIKE 'big%')\"",
            "mlops runs list --where \"status IN ('failed', 'gate-failed') AND started_at >= '2026-11-30'\"",
            "mlops runs list --where \"params.NumberOfLeaves >= 31\" --order-by \"metrics.validation.auc desc\" --json",
            "mlops runs list --store \"Host=db;Database=runs;Username=ci\" --where \"tags.branch = 'main'\"")
        {
            model, where, orderBy, limit, json, store,
        };
        command.SetAction(parsed => Run(
            new RunSelection(parsed.GetValue(model), parsed.GetValue(where), parsed.GetValue(orderBy), parsed.GetValue(limit)),
            parsed.GetValue(json), parsed.GetValue(store), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(RunSelection selection, bool json, string? storeOption, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        if (selection.Limit <= 0)
            bag.Error(Codes.RunLimitInvalid, $"--limit is {selection.Limit}; expected a positive number of runs (default {DefaultLimit}).");
        // The filter is read before the store is opened: a typo should not wait for a server, or create an empty store.
        // Both dialects read a filter the same way, so either checks it.
        RunQueryCompiler.TryCompile(bag, QueryDialect.Sqlite, selection.Where, selection.OrderBy);
        if (!bag.HasErrors && RunStoreOption.Open(storeOption, bag) is { } store)
        {
            using (store)
            {
                try
                {
                    IReadOnlyList<Run> runs = store.List(selection);
                    if (json)
                        output.WriteLine(new JsonArray([.. runs.Select(RunJson.Of)]).ToJsonString(RunJson.Indented));
                    else if (runs.Count == 0)
                        output.WriteLine($"No runs in {store.Description} match.");
                    else
                        RunsTable.Of(runs, selection.OrderBy).Write(output);
                }
                catch (RunStoreException e)
                {
                    bag.Error(e.Code, e.Message);
                }
            }
        }

        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }
}
