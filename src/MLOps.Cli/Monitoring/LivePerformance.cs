using System.Globalization;
using MLOps.Cli.Scoring;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Monitoring;
using MLOps.Core.Releases;
using MLOps.Core.Scoring;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;
using MLOps.Runtime;

namespace MLOps.Cli.Monitoring;

/// <summary>What <c>mlops monitor performance</c> was asked to do.</summary>
internal sealed record PerformanceRequest(string Logs, string Labels, string Spec, string? Model, string? Feed, string? Stage, string? Cache, bool Json);

/// <summary>
/// <c>mlops monitor performance</c>'s steps: the spec (task, label rule, thresholds), the served model when given (verified;
/// its lineage's training metrics and model hash), the labels (validated, the label derived as training derives it), the
/// logs joined by request id, the live metrics through ML.NET's evaluators, and the thresholds.
/// </summary>
internal static class LivePerformance
{
    public static async Task<int> RunAsync(PerformanceRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        string start = Directory.GetCurrentDirectory();
        ModelSpec? spec = SpecLoader.Load(Path.GetFullPath(request.Spec, start), bag);
        if (spec is null)
        {
            return Finish(error, bag);
        }

        if (spec.Task == TaskType.MulticlassClassification && request.Model is null)
        {
            return Reporter.UsageError(error, "A multiclass model's live metrics need --model: its classes give the order of the logged scores.");
        }

        ServedModel? served = null;
        if (request.Model is not null)
        {
            string cache = request.Cache ?? Path.Combine(RepositoryRoot.Find(start), "artifacts", "models");
            ResolvedModel? resolved = await ModelReference.ResolveAsync(request.Model, request.Feed, request.Stage, cache, start, bag, cancellationToken).ConfigureAwait(false);
            served = resolved is null ? null : ServedModel.Load(resolved, bag);
            if (served is null)
            {
                return Finish(error, bag);
            }
        }

        // The labels follow the served model's schema when there is one (the package's), else the spec's.
        string schemaPath = served?.SchemaPath ?? spec.Data.SchemaPath;
        if (SchemaFile.Load(schemaPath, bag) is not { } schema || GroundTruth.Read(Path.GetFullPath(request.Labels, start), spec, schema, bag) is not { } truth)
        {
            return Finish(error, bag);
        }
        if (truth.Duplicates > 0)
        {
            bag.Warning(Codes.DuplicateRequestId, $"{truth.Duplicates} label row(s) repeat a request id an earlier row has; the first label of each request is used.", Path.GetFullPath(request.Labels, start));
        }

        var join = new PerformanceJoin(spec.Task, truth, served?.Classes ?? [], served?.Info.ModelSha256);
        var counts = new PredictionLogCounts();
        if (!LoggedPredictions.Join(Path.GetFullPath(request.Logs, start), join, counts, bag))
        {
            return Finish(error, bag);
        }

        JoinCounts joined = join.Counts;
        LoggedPredictions.Warn(joined, join, served, bag);
        if (joined.Labelled == 0)
        {
            bag.Error(Codes.NoLabelledPredictions, string.Create(CultureInfo.InvariantCulture, $"None of the {joined.Predictions:N0} logged predictions has a label ({truth.Count:N0} labels read). Check that the labels' request_id values are the ones the service logged (the X-Request-Id it answered with)."), Path.GetFullPath(request.Labels, start));
            return Finish(error, bag);
        }

        IReadOnlyDictionary<string, double>? live = Evaluate(spec.Task, join, served, bag);
        if (live is null)
        {
            return Finish(error, bag);
        }

        (IReadOnlyList<LiveMetric> metrics, bool judged) = LiveThresholds.Check(spec, live, served?.TrainingMetrics, joined.Labelled, bag);
        var report = new LiveReport(served is null ? spec.Name : ModelReference.Describe(served.Info), SpecNames.Of(spec.Task), joined.Predictions, joined.Labelled, joined.WithoutLabel,
            joined.LabelsWithoutPrediction, joined.OtherModel, counts.Dropped, spec.Monitoring?.MinLabelled ?? MonitoringSpec.DefaultMinLabelled, judged, !bag.HasErrors, metrics);
        Reporter.Write(error, bag);
        if (request.Json)
        {
            output.Write(JsonFile.Serialize(report));
        }
        else
        {
            LiveReportText.Write(report, output);
        }
        return ExitCodes.For(bag);
    }

    private static IReadOnlyDictionary<string, double>? Evaluate(TaskType task, PerformanceJoin join, ServedModel? served, DiagnosticBag bag)
    {
        try
        {
            return task switch
            {
                TaskType.BinaryClassification => LiveMetrics.Binary(join.Binary),
                TaskType.Regression => LiveMetrics.Regression(join.Regression),
                _ => LiveMetrics.Multiclass(join.Multiclass, served!.Classes),
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            bag.Error(Codes.LiveMetricUndefined, string.Create(CultureInfo.InvariantCulture, $"The live metrics cannot be computed on these {join.Counts.Labelled:N0} labelled predictions: {e.Message} (AUC needs both classes among the labels.) Wait for more labels."));
            return null;
        }
    }

    private static int Finish(TextWriter error, DiagnosticBag bag)
    {
        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }
}
