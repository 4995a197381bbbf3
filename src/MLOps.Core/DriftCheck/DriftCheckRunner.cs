using Microsoft.ML;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Drift;
using MLOps.Core.Drift.Columns;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.DriftCheck;

/// <summary>What a drift check compared and found; <see cref="DroppedLogRecords"/> when the current data was prediction logs.</summary>
public sealed record DriftCheckResult(DriftReport Report, string ReferenceLabel, string CurrentLabel, long? DroppedLogRecords);

/// <summary>
/// <c>mlops drift</c> (docs/monitoring.md#drift-checks): resolves the reference and the model, summarises the current data
/// (scoring raw data with the model for prediction drift; logs carry their predictions), applies the spec's drift:
/// settings and compares. Problems are diagnostics; the dataset verdict is MLOPS7030.
/// </summary>
public static class DriftCheckRunner
{
    public static DriftCheckResult? Run(DriftCheckRequest request, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bag);
        string temp = Directory.CreateTempSubdirectory("mlops-drift-").FullName;
        try
        {
            return Run(request, temp, bag);
        }
        finally
        {
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temp folder left behind must not fail the check.
            }
        }
    }

    private static DriftCheckResult? Run(DriftCheckRequest request, string temp, DiagnosticBag bag)
    {
        ModelSpec? spec = null;
        TableSchema? schema = null;
        if (request.Spec is { } specPath && ((spec = SpecLoader.Load(specPath, bag)) is null || (schema = SchemaFile.Load(spec.Data.SchemaPath, bag)) is null))
        {
            return null;
        }

        if (DriftSources.Reference(request.Reference, request.Feed, temp, bag) is not { } reference)
        {
            return null;
        }

        DriftModelFolder? folder = request.Model is { } m ? DriftSources.Model(m, request.Feed, temp, bag) : reference.Folder is { HasModel: true } f ? f : null;
        if (request.Model is not null && folder is null || !DriftSources.Exists(request.Current, "current data", bag))
        {
            return null;
        }

        schema ??= (folder ?? reference.Folder)?.File(ModelFiles.SchemaFile) is { } schemaFile ? SchemaFile.Load(schemaFile, bag) : null;
        var ml = new MLContext(seed: 0);
        (ITransformer Model, DataViewSchema Inputs)? model = folder?.LoadModel(ml, bag);
        DriftReference? summary = reference.File is { } file ? DriftReference.Load(file, bag) : null;
        if (bag.HasErrors || (folder is not null && model is null))
        {
            return null;
        }

        IReadOnlyList<DriftInput>? inputs = spec is not null ? DriftInputs.From(spec, schema!)
            : model is { } mm ? DriftInputs.From(mm.Inputs, schema)
            : summary is not null ? DriftInputs.From(summary) : null;
        if (inputs is null)
        {
            bag.Error(Codes.DriftSchemaMissing, $"Raw reference data {Visible.Quote(request.Reference)} says nothing of the model's inputs: give --spec (the model's model.yaml) or --model (its folder or package).");
            return null;
        }

        summary ??= Summarise(ml, reference.Data!, inputs, schema, model?.Model, bag);
        PredictionLogCounts? counts = LogSample.IsLog(request.Current) ? new PredictionLogCounts() : null;
        DriftReference? current = counts is not null ? Logs(request.Current, inputs, schema, counts, bag) : Summarise(ml, request.Current, inputs, schema, model?.Model, bag);
        if (summary is null || current is null)
        {
            return null;
        }

        DriftOptions options = DriftSettings.Options(spec?.Drift, request.Share);
        if (options.Prediction && summary.Columns.Any(IsPrediction) && !current.Columns.Any(IsPrediction))
        {
            bag.Warning(Codes.DriftPredictionNotCompared, $"The reference has the model's prediction but the current data {Visible.Quote(request.Current)} has none: the prediction is not compared. Give --model to score the data, or check prediction logs.");
            options = new DriftOptions { DatasetShare = options.DatasetShare, Columns = options.Columns, Prediction = false };
        }

        DriftReport report = DriftDetector.Compare(summary, current, options, bag);
        if (!bag.HasErrors && report.DatasetDrift)
        {
            bag.Error(Codes.DatasetDrifted, $"The data drifted: {report.Drifted} of {report.Columns.Count} compared columns ({report.Share:P0}, at least {report.ThresholdShare:P0} needed): {Visible.List(report.Columns.Where(c => c.Drifted).Select(c => c.Name))}.");
        }

        return new DriftCheckResult(report, reference.Label, request.Current, counts?.Dropped);
    }

    private static bool IsPrediction(DriftColumn column) => column.Name.StartsWith(DriftSample.PredictionPrefix, StringComparison.Ordinal);

    private static DriftReference? Summarise(MLContext ml, string data, IReadOnlyList<DriftInput> inputs, TableSchema? schema, ITransformer? model, DiagnosticBag bag)
    {
        if (schema is null)
        {
            bag.Error(Codes.DriftSchemaMissing, $"Data {Visible.Quote(data)} cannot be read without its schema: give --spec (the model's model.yaml), or a model folder or package that holds {ModelFiles.SchemaFile}.");
            return null;
        }

        try
        {
            IDataView view = TableLoader.Load(ml, data, schema, [.. inputs.Select(i => i.Name)]);
            DriftSample sample = DataViewSample.Read(view, inputs);
            if (model is not null)
            {
                DataViewSample.AddPrediction(model.Transform(view), sample);
            }

            return sample.ToReference();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            bag.Error(Codes.DriftDataUnreadable, $"Data {Visible.Quote(data)} cannot be read as the model's inputs: {e.Message} Check it with mlops validate --data.");
            return null;
        }
    }

    private static DriftReference? Logs(string logs, IReadOnlyList<DriftInput> inputs, TableSchema? schema, PredictionLogCounts counts, DiagnosticBag bag)
    {
        try
        {
            return LogSample.Read(logs, inputs, schema, counts).ToReference();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.DriftDataUnreadable, $"Prediction logs {Visible.Quote(logs)} cannot be read: {e.Message}");
            return null;
        }
    }
}
