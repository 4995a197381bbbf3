using System.CommandLine;
using System.Text.Json.Nodes;
using MLOps.Cli.Runs;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Core.Tracking.Compare;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops runs compare</c>: runs side by side, as dvc params diff and dvc metrics diff show two commits.</summary>
internal static class RunsCompareCommand
{
    public static Command Create()
    {
        var ids = new Argument<string[]>("ids") { Description = "Two or more run ids or unique prefixes (4 characters or more); changes are against the first.", Arity = new ArgumentArity(2, 100) };
        var all = new Option<bool>("--all", "-a") { Description = "Show every param, also those equal in all runs." };
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON: runs, params (values, changed) and metrics (values, deltas)." };
        Option<string?> store = RunStoreOption.Create();
        var command = new CliCommand(
            "compare",
            "Compares runs: the params that differ (all with --all), then every metric per split with its value in each run and its change against the first run.",
            "mlops runs compare 3f2a 9bc1",
            "mlops runs compare 3f2a 9bc1 e07d --all",
            "mlops runs compare 3f2a 9bc1 --json")
        {
            ids, all, json, store,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(ids), parsed.GetValue(all), parsed.GetValue(json), parsed.GetValue(store),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] ids, bool all, bool json, string? storeOption, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        if (RunStoreOption.Open(storeOption, bag) is { } store)
        {
            using (store)
            {
                if (RunLookup.FindAll(store, ids, bag) is { } runs)
                {
                    RunComparison comparison = RunComparison.Of(runs, all);
                    if (json)
                        output.WriteLine(Json(comparison).ToJsonString(RunJson.Indented));
                    else
                        Write(output, comparison, all);
                }
            }
        }

        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }

    private static void Write(TextWriter output, RunComparison comparison, bool all)
    {
        List<string> ids = [.. comparison.Runs.Select(r => r.Id)];
        if (comparison.Params.Count == 0)
        {
            output.WriteLine(all ? "No params." : "Params: all equal (--all shows them).");
        }
        else
        {
            var parameters = new TextTable(["param", .. ids]);
            foreach (ParamRow row in comparison.Params)
                parameters.Add([row.Name, .. row.Values.Select(v => v ?? RunText.None)]);
            parameters.Write(output);
        }

        output.WriteLine();
        if (comparison.Metrics.Count == 0)
        {
            output.WriteLine("No metrics.");
            return;
        }

        // dvc metrics diff's layout, widened to N runs: each run after the first has its value and its change.
        string[] header = ["metric", "split", ids[0], .. ids.Skip(1).SelectMany(id => new[] { id, "change" })];
        var metrics = new TextTable(header).AlignRight([.. Enumerable.Range(2, header.Length - 2)]);
        foreach (MetricRow row in comparison.Metrics)
        {
            metrics.Add([row.Name, row.Split, RunText.Metric(row.Values[0]),
                .. Enumerable.Range(1, ids.Count - 1).SelectMany(i => new[] { RunText.Metric(row.Values[i]), RunText.Delta(row.Deltas[i]) })]);
        }

        metrics.Write(output);
    }

    private static JsonObject Json(RunComparison comparison) => new()
    {
        ["runs"] = new JsonArray([.. comparison.Runs.Select(r => (JsonNode?)r.Id)]),
        ["params"] = new JsonArray([.. comparison.Params.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Name,
            ["values"] = new JsonArray([.. p.Values.Select(v => (JsonNode?)v)]),
            ["changed"] = p.Changed,
        })]),
        ["metrics"] = new JsonArray([.. comparison.Metrics.Select(m => (JsonNode?)new JsonObject
        {
            ["name"] = m.Name,
            ["split"] = m.Split,
            ["values"] = new JsonArray([.. m.Values.Select(v => (JsonNode?)v)]),
            ["deltas"] = new JsonArray([.. m.Deltas.Select(v => (JsonNode?)v)]),
        })]),
    };
}
