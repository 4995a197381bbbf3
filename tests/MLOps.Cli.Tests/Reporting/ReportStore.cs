using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Core.Tracking;
using MLOps.Core.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests.Reporting;

/// <summary>
/// A SQLite run store as builds leave it: model Flights (binary) with four runs, the newest holding the real
/// evaluation and profile documents of a model trained here, and a sweep of three trials; model Houses with runs
/// only. Built once per test class (training takes a few seconds).
/// </summary>
public sealed class ReportStore : IDisposable
{
    private readonly TempFolder _temp = new("mlops-report");

    public ReportStore()
    {
        StorePath = _temp.PathOf("runs.db");
        string specPath = WriteModel();
        var bag = new DiagnosticBag();
        var (spec, _, profile) = ModelDataCheck.Run(specPath, bag);
        ModelSpec s = spec!;
        new ModelTrainer().Train(s, MLOps.Core.Data.Schema.SchemaFile.Load(_temp.PathOf("schema.json"), bag)!, _temp.PathOf("out"));
        EvaluationResult result = ModelEvaluator.EvaluateWithDetails(s, _temp.PathOf("out/model.zip"), _temp.PathOf("out/test.idv"), bag)!;
        Assert.Empty(bag);

        using IRunStore store = RunStores.Open(StorePath, bag)!;
        var start = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        double auc = result.Metrics["auc"];
        Add(store, Run("Flights", start, RunStatus.Succeeded, RunSources.Build, auc - 0.04, "0.1"));
        Add(store, Run("Flights", start.AddHours(5), RunStatus.GateFailed, RunSources.Cake, 0.55, "0.3"));
        Add(store, Run("Flights", start.AddDays(1), RunStatus.Cached, RunSources.Build, auc - 0.01, "0.1"));
        Run latest = Run("Flights", start.AddDays(2), RunStatus.Succeeded, RunSources.Cake, auc, "0.1") with { PackageVersion = "1.4.0-local.3", Metrics = Metrics(result.Metrics) };
        Add(store, latest);
        store.SaveDocument(latest.Id, "evaluation", JsonFile.Serialize(result.Details));
        store.SaveDocument(latest.Id, "profile", JsonFile.Serialize(profile));
        Run parent = Run("Flights", start.AddDays(1).AddHours(2), RunStatus.Succeeded, RunSources.Cake, auc, "0.1");
        Add(store, parent);
        for (int trial = 0; trial < 3; trial++)
        {
            Add(store, Run("Flights", parent.StartedAt.AddMinutes(trial + 1), RunStatus.Succeeded, RunSources.Sweep, 0.70 + (0.02 * trial), (0.05 * (trial + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture)) with
            {
                ParentId = parent.Id,
                Metrics = [new RunMetric(RunMetric.Validation, "auc", 0.70 + (0.02 * trial))],
            });
        }

        Add(store, Run("Houses", start.AddHours(1), RunStatus.Succeeded, RunSources.Build, null, "0.1") with { Metrics = [new RunMetric(RunMetric.Test, "r_squared", 0.91)] });
        Latest = latest.Id;
        Trials = [.. store.List(new RunSelection(ParentId: parent.Id)).Select(r => r.Id)];
        FlightsRuns = [.. store.List(new RunSelection(Model: "Flights")).Where(r => r.ParentId is null).Select(r => r.Id)];
    }

    public string StorePath { get; }

    public string Latest { get; }

    public IReadOnlyList<string> FlightsRuns { get; }

    public IReadOnlyList<string> Trials { get; }

    public string Folder(string name) => _temp.PathOf(name);

    public void Dispose() => _temp.Dispose();

    private string WriteModel()
    {
        _temp.Write("flights.csv", TestModels.FlightsCsv(2500));
        _temp.Write("schema.json", TestModels.FlightsSchema);
        return _temp.Write("model.yaml", TestModels.FlightsSpec());
    }

    private static Run Run(string model, DateTimeOffset started, RunStatus status, string source, double? auc, string learningRate) => new()
    {
        Id = RunIds.New(),
        Model = model,
        Status = status,
        Source = source,
        StartedAt = started,
        EndedAt = started.AddSeconds(42),
        GitCommit = "0123456789abcdef0123456789abcdef01234567",
        Params = new Dictionary<string, string> { ["trainer"] = "LightGbm", ["seed"] = "1", ["LearningRate"] = learningRate },
        Metrics = auc is { } a ? [new RunMetric(RunMetric.Test, "auc", a), new RunMetric(RunMetric.Test, "log_loss", 0.9 - a)] : [],
    };

    private static IReadOnlyList<RunMetric> Metrics(SortedDictionary<string, double> metrics) =>
        [.. metrics.Select(m => new RunMetric(RunMetric.Test, m.Key, m.Value))];

    private static void Add(IRunStore store, Run run)
    {
        store.Start(run with { Status = RunStatus.Running });
        store.Update(run);
    }
}
