using System.Text.Json;
using MLOps.Core.Data.Profiling;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation.Details;
using MLOps.Core.IO;
using MLOps.Core.Tracking;

namespace MLOps.Core.Reporting;

/// <summary>
/// Reads what the report shows from a run store: the runs of each model, the documents (evaluation, profile) of
/// the newest run that has them, and the trials of the model's latest sweep. It never reads intermediate files:
/// the store is the one place a report's data comes from, so a report can be made on any machine that reaches it.
/// </summary>
public static class ReportReader
{
    public const string EvaluationDocument = "evaluation";
    public const string ProfileDocument = "profile";

    /// <summary>How many of a model's newest runs are searched for documents (a run that failed before evaluating has none).</summary>
    private const int DocumentSearchDepth = 25;

    /// <summary>One input per model (by name), or null after MLOPS8060 (empty store) or MLOPS8061 (no such model).</summary>
    public static IReadOnlyList<ReportInput>? Read(IRunStore store, string? model, DiagnosticBag bag)
    {
        IReadOnlyList<Run> all = store.List(new RunSelection(Model: model));
        if (all.Count == 0 && model is null)
        {
            bag.Error(Codes.ReportNoRuns, $"The run store {store.Description} holds no runs. Build a model first (dotnet build models/<Model>, or ./build.sh), with run tracking on (MLOpsTrackRuns is true unless set to false), or name another store with --store.");
            return null;
        }

        if (all.Count == 0)
        {
            string known = string.Join(", ", store.List(RunSelection.All).Select(r => r.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            bag.Error(Codes.ReportUnknownModel, $"The run store {store.Description} has no runs of model '{model}'. Models with runs: {known}. Check the name (as model.yaml's name:), or leave --model out for every model.");
            return null;
        }

        return [.. all.GroupBy(r => r.Model, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ForModel(store, g.Key, [.. g.OrderByDescending(r => r.StartedAt)], bag))];
    }

    private static ReportInput ForModel(IRunStore store, string model, IReadOnlyList<Run> runs, DiagnosticBag bag)
    {
        // Trials are shown in the sweep section, not among the model's own trainings.
        IReadOnlyList<Run> own = [.. runs.Where(r => r.ParentId is null)];
        Run? latest = null;
        string? evaluationJson = null;
        foreach (Run run in own.Take(DocumentSearchDepth))
        {
            if (store.ReadDocument(run.Id, EvaluationDocument) is { } json)
            {
                (latest, evaluationJson) = (run, json);
                break;
            }
        }

        latest ??= own.Count > 0 ? own[0] : runs[0];
        string? parent = runs.Where(r => r.ParentId is not null).Select(r => r.ParentId).FirstOrDefault();
        return new ReportInput(model, own.Count > 0 ? own : runs)
        {
            Latest = latest,
            Evaluation = Parse<EvaluationDetails>(evaluationJson, latest, EvaluationDocument, bag),
            Profile = Parse<DataProfile>(store.ReadDocument(latest.Id, ProfileDocument), latest, ProfileDocument, bag),
            SweepParent = parent,
            SweepTrials = parent is null ? [] : store.List(new RunSelection(ParentId: parent)),
            StoreDescription = store.Description,
        };
    }

    private static T? Parse<T>(string? json, Run run, string name, DiagnosticBag bag)
        where T : class
    {
        if (json is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonFile.Options);
        }
        catch (JsonException e)
        {
            bag.Warning(Codes.ReportDocumentUnreadable, $"The {name} document of run {run.Id} ({run.Model}) is not the JSON expected: {e.Message} Its section is left out of the report; rebuild the model to record it again.");
            return null;
        }
    }
}
