using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

// write <store> <count> <model>: starts and finishes <count> runs, one transaction each, as a build would.
// hang <store> <model>: starts a run, prints its id and waits to be killed (an abandoned run).
if (args is not [var mode, var connectionString, ..])
{
    Console.Error.WriteLine("usage: write <store> <count> <model> | hang <store> <model>");
    return 2;
}

var bag = new DiagnosticBag();
using IRunStore? store = RunStores.Open(connectionString, bag);
if (store is null)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, bag));
    return 2;
}

if (mode == "hang" && args is [_, _, var hungModel])
{
    Run run = RunRecorder.Start(store, new RunStart(hungModel, RunSources.Build, Environment.CurrentDirectory));
    Console.WriteLine(run.Id);
    Console.Out.Flush();
    Thread.Sleep(Timeout.Infinite);
}

if (mode == "write" && args is [_, _, var countText, var model])
{
    for (int i = 0; i < int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        Run run = RunRecorder.Start(store, new RunStart(model, RunSources.Build, Environment.CurrentDirectory)
        {
            Params = new Dictionary<string, string> { ["trial"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        store.Update(run with { Status = RunStatus.Succeeded, EndedAt = DateTimeOffset.UtcNow, Metrics = [new RunMetric(RunMetric.Test, "auc", 0.5 + (i / 1000.0))] });
        Console.WriteLine(run.Id);
    }

    return 0;
}

Console.Error.WriteLine($"unknown mode or arguments: {string.Join(' ', args)}");
return 2;
