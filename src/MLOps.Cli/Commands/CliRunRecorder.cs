using System.Globalization;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Core.Spec;
using MLOps.Core.Tracking;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;

namespace MLOps.Cli.Commands;

/// <summary>
/// Records one <c>mlops train</c> as a run with source cli: started (running) before training, then succeeded,
/// gate-failed or failed with its metrics per split. The store is --store, else MLOPS_RUN_STORE, else
/// artifacts/runs.db under the repository root; one that cannot be opened is a configuration error (nothing is trained).
/// </summary>
internal sealed class CliRunRecorder : IDisposable
{
    private readonly IRunStore _store;
    private Run _run;

    private CliRunRecorder(IRunStore store, Run run)
    {
        _store = store;
        _run = run;
    }

    public static CliRunRecorder? Start(string? store, ModelSpec spec, string runId, IReadOnlyDictionary<string, string> tags, string specPath, DiagnosticBag bag)
    {
        string root = RepositoryRoot.Find(Path.GetDirectoryName(specPath)!);
        string? connection = store ?? (Environment.GetEnvironmentVariable("MLOPS_RUN_STORE") is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        if (connection is null)
        {
            string artifacts = Directory.CreateDirectory(Path.Combine(root, "artifacts")).FullName;
            connection = Path.Combine(artifacts, "runs.db");
        }

        if (RunStores.Open(connection, bag) is not { } opened)
        {
            return null;
        }

        var run = new Run
        {
            Id = runId,
            Model = spec.Name,
            Source = RunSources.Cli,
            StartedAt = DateTimeOffset.UtcNow,
            Params = Params(spec),
            Tags = tags,
            Host = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            ToolVersions = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["mlnet"] = ModelTrainer.MLNetVersion, ["dotnet"] = Environment.Version.ToString() },
        };
        opened.Start(run);
        return new CliRunRecorder(opened, run);
    }

    public void Finished(TrainingRecord record, TrainResult result)
    {
        _run = _run with
        {
            Status = result.Passed ? RunStatus.Succeeded : RunStatus.GateFailed,
            EndedAt = DateTimeOffset.UtcNow,
            Metrics = [.. result.Metrics.SelectMany(split => split.Value.Select(m => new RunMetric(split.Key, m.Key, m.Value)))],
            DataFingerprint = record.DataFingerprint,
            ModelSha256 = record.ModelSha256,
        };
        _store.Update(_run);
    }

    public void Failed() => _store.Update(_run = _run with { Status = RunStatus.Failed, EndedAt = DateTimeOffset.UtcNow });

    public void Dispose() => _store.Dispose();

    /// <summary>trainer, seed, spec_sha256, split and every hyperparameter (as overridden by --set), as invariant text.</summary>
    private static SortedDictionary<string, string> Params(ModelSpec spec)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["trainer"] = spec.Trainer.Name,
            ["seed"] = spec.Trainer.Seed.ToString(CultureInfo.InvariantCulture),
            ["spec_sha256"] = Fingerprint.Sha256OfFile(spec.SourcePath),
            ["split"] = SplitRecord.Describe(spec.Split),
        };
        foreach (var (name, value) in spec.Trainer.Parameters)
        {
            values[name] = value.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
