using System.CommandLine;
using System.Text.Json.Nodes;
using MLOps.Cli.Runs;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops runs show</c>: everything one run records.</summary>
internal static class RunsShowCommand
{
    // The run documents the report reads; show says which the run has.
    private static readonly string[] DocumentNames = ["evaluation", "profile"];

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The run's id, or a unique prefix of it (4 characters or more)." };
        var json = new Option<bool>("--json") { Description = "Print the run as a JSON object (with children and documents)." };
        Option<string?> store = RunStoreOption.Create();
        var command = new CliCommand(
            "show",
            "Shows everything a run records: status and times, params, metrics per split, tags, lineage (data fingerprint, commit, host, CI, tool versions), artifacts (model hash, package), its parent or the run it was cached from, and how many child runs it has.",
            "mlops runs show 3f2a",
            "mlops runs show 3f2a91c07d4e8b16 --json")
        {
            id, json, store,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(id), parsed.GetValue(json), parsed.GetValue(store), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string id, bool json, string? storeOption, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        if (RunStoreOption.Open(storeOption, bag) is { } store)
        {
            using (store)
            {
                try
                {
                    if (RunLookup.Find(store, id, bag) is { } run)
                        Show(store, run, json, output);
                }
                catch (RunStoreException e)
                {
                    bag.Error(e.Code, e.Message); // The store went away between finding the run and reading its children.
                }
            }
        }

        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }

    private static void Show(IRunStore store, Run run, bool json, TextWriter output)
    {
        int children = store.List(new RunSelection(ParentId: run.Id)).Count;
        string[] documents = [.. DocumentNames.Where(name => store.ReadDocument(run.Id, name) is not null)];
        if (json)
        {
            JsonObject node = RunJson.Of(run);
            node["children"] = children;
            node["documents"] = new JsonArray([.. documents.Select(d => (JsonNode?)d)]);
            output.WriteLine(node.ToJsonString(RunJson.Indented));
        }
        else
        {
            RunDetails.Write(output, run, children, documents);
        }
    }
}
