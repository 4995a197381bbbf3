using System.CommandLine;
using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.Core.Sweeps;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Commands;

/// <summary>
/// <c>mlops sweep finish &lt;parent&gt;</c>: finishes a sweep whose shards recorded into a shared run store (docs/sweeps.md):
/// every planned trial must have a succeeded run (MLOPS8040 names the missing ones, exit 1), the winner is tagged on the
/// parent and printed. Packaging it is the finishing build's (./build.sh --target=SweepFinish).
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var parent = new Argument<string>("parent") { Description = "The sweep's parent run id (or a unique prefix of at least 4 characters); the sweep prints it." };
        Option<string?> store = RunStoreOption.Create();
        var finish = new CliCommand(
            "finish",
            "Checks that every trial of the sweep has a succeeded run, picks the winner (best validation value of the sweep's metric, ties to the lowest trial), records it on the parent run (tag winner=<run id>) and prints it. Exit 1 when trials are missing.",
            "mlops sweep finish 3f9c2a71d0b4e815 --store \"Host=db;Database=runs;Username=ci\"")
        {
            parent, store,
        };
        finish.SetAction(parsed => Finish(parsed.GetRequiredValue(parent), parsed.GetValue(store), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return new CliCommand("sweep", "Sweeps over a model's hyperparameters (docs/sweeps.md): finish a sweep whose shards ran on several agents.",
            "mlops sweep finish 3f9c2a71d0b4e815 --store \"Host=db;Database=runs;Username=ci\"") { finish };
    }

    private static int Finish(string parentId, string? storeOption, TextWriter output, TextWriter error)
    {
        var bag = new DiagnosticBag();
        using (IRunStore? store = RunStoreOption.Open(storeOption, bag))
        {
            if (store is not null)
            {
                try
                {
                    if (SweepFinisher.Finish(store, parentId, bag) is { } result)
                    {
                        Print(store, result, output);
                    }
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

    private static void Print(IRunStore store, SweepResult result, TextWriter output)
    {
        output.WriteLine($"Sweep {result.Parent.Id} ({result.Parent.Model}): {result.Trials} trials by validation {result.Metric}; winner trial {result.Best.Trial} (run {result.Winner.Id}) with {Value(result.Best.Value)}");
        var trials = store.List(new RunSelection(ParentId: result.Parent.Id))
            .Where(r => r.Status == RunStatus.Succeeded && SweepRuns.TrialNumber(r) is not null)
            .OrderBy(r => SweepRuns.TrialNumber(r));
        foreach (Run trial in trials)
        {
            string parameters = string.Join(" ", trial.Params.Where(p => p.Key is not ("trainer" or "seed" or "spec_sha256")).Select(p => $"{p.Key}={p.Value}"));
            string mark = trial.Id == result.Winner.Id ? "*" : " ";
            output.WriteLine($"{mark} trial {SweepRuns.TrialNumber(trial),3}  {trial.Id}  {result.Metric} {Value(trial.Metric(result.Metric, RunMetric.Validation))}  {parameters}");
        }
    }

    private static string Value(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "?";
}
