using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Commands;

/// <summary>
/// Records one <c>mlops train</c> through the store's <see cref="RunRecorder"/> as a run with source cli: started (running,
/// with the tags) before training, finished as succeeded, gate-failed or failed from the run's folder (training.json's
/// parameters as overridden by --set, metrics.json and validation.metrics.json). The store is --store, else
/// MLOPS_RUN_STORE, else artifacts/runs.db under the repository root; one that cannot be opened is a configuration
/// error, reported before anything is trained.
/// </summary>
internal sealed class CliRunRecorder : IDisposable
{
    private readonly IRunStore _store;

    private CliRunRecorder(IRunStore store, Run run)
    {
        _store = store;
        Run = run;
    }

    public Run Run { get; }

    /// <param name="parameters">Params known before training (the split's); training.json adds the trainer's at the finish.</param>
    public static CliRunRecorder? Start(string? store, string model, string repositoryRoot, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> tags, DiagnosticBag bag)
    {
        // The default store is artifacts/runs.db of the spec's repository (where its builds record), whatever the current folder.
        if (RunStores.Open(RunStoreOption.Resolve(store, repositoryRoot), bag) is not { } opened)
        {
            return null;
        }

        try
        {
            return new CliRunRecorder(opened, RunRecorder.Start(opened, new RunStart(model, RunSources.Cli, repositoryRoot) { Params = parameters, Tags = tags }));
        }
        catch (RunStoreException e)
        {
            opened.Dispose();
            bag.Error(e.Code, e.Message);
            return null;
        }
    }

    /// <summary>Finishes the run with what its folder holds; a store error becomes a warning (the model is trained either way).</summary>
    public void Finish(RunStatus status, string folder, DiagnosticBag bag)
    {
        try
        {
            RunRecorder.Finish(_store, Run.Id, new RunFinish(status, Directory.Exists(folder) ? folder : null), bag);
        }
        catch (RunStoreException e)
        {
            bag.Warning(e.Code, $"The run {Run.Id} could not be finished in the run store {_store.Description}: {e.Message}");
        }
    }

    public void Dispose() => _store.Dispose();
}
