using System.Globalization;
using System.Text.Json;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Summary;

/// <summary>One model's line in the summary: what it produced, or the codes it failed with.</summary>
public sealed record ModelOutcome(string Model, RunSummary? Run, IReadOnlyList<string> ErrorCodes)
{
    public bool Failed => Run is null || ErrorCodes.Count > 0 || !Run.GatesPassed;
}

/// <summary>
/// Every model of a pipeline run, from the run summaries the models wrote (runs/&lt;Model&gt;.json) and the errors the
/// build logged (runs/errors.log): a model with errors is listed with their codes, even when it wrote no summary.
/// </summary>
public static class PipelineSummary
{
    public const string ErrorLogName = "errors.log";

    public static IReadOnlyList<ModelOutcome> Read(string runsFolder)
    {
        var runs = new SortedDictionary<string, RunSummary?>(StringComparer.Ordinal);
        var codes = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (string file in Directory.Exists(runsFolder) ? Directory.EnumerateFiles(runsFolder, "*.json") : [])
        {
            RunSummary? run = TryParse(file);
            string model = run?.PackageId ?? Path.GetFileNameWithoutExtension(file);
            runs[model] = run;
            if (run is null)
                Codes(codes, model).Add("(unreadable run summary)");
        }

        foreach (BuildError error in BuildErrorLog.Read(Path.Combine(runsFolder, ErrorLogName)))
        {
            string model = error.Project is null ? "(build)" : Path.GetFileNameWithoutExtension(error.Project);
            runs.TryAdd(model, null);
            Codes(codes, model).Add(error.Code);
        }

        return runs.Select(r => new ModelOutcome(r.Key, r.Value, codes.TryGetValue(r.Key, out var c) ? [.. c] : [])).ToList();
    }

    /// <summary>The table: model, version, outcome, headline metrics and package (or the failure's codes).</summary>
    public static IEnumerable<string> Format(IReadOnlyList<ModelOutcome> outcomes, string relativeTo)
    {
        yield return $"{"model",-24} {"version",-9} {"outcome",-18} {"metrics",-48} package";
        foreach (ModelOutcome o in outcomes)
        {
            if (o.Run is { } run && o.ErrorCodes.Count == 0)
            {
                string outcome = run.GatesPassed ? run.Outcome : "gate-failed";
                yield return $"{o.Model,-24} {run.Version,-9} {outcome,-18} {Metrics(run),-48} {Path.GetRelativePath(relativeTo, run.Package)}";
            }
            else
            {
                yield return $"{o.Model,-24} {"-",-9} {"FAILED",-18} {string.Join(' ', o.ErrorCodes)}";
            }
        }
    }

    private static string Metrics(RunSummary run)
    {
        IReadOnlyList<string> headline = SpecNames.Tasks.TryGetValue(run.Task, out TaskType task) ? MetricCatalog.Headline(task) : [];
        return string.Join(' ', headline.Where(run.Metrics.ContainsKey)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m}={run.Metrics[m]:0.000}")));
    }

    private static SortedSet<string> Codes(Dictionary<string, SortedSet<string>> codes, string model) =>
        codes.TryGetValue(model, out var set) ? set : codes[model] = new SortedSet<string>(StringComparer.Ordinal);

    private static RunSummary? TryParse(string file)
    {
        try
        {
            return RunSummary.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
