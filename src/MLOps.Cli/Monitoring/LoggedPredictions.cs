using System.Globalization;
using MLOps.Cli.Scoring;
using MLOps.Core.Diagnostics;
using MLOps.Core.Monitoring;
using MLOps.ModelFormat.Contract;

namespace MLOps.Cli.Monitoring;

/// <summary>The prediction logs read into a <see cref="PerformanceJoin"/>, and what the join says about them.</summary>
internal static class LoggedPredictions
{
    /// <summary>Reads every record of the logs into the join; false (reported) when the logs are missing or a line is damaged.</summary>
    public static bool Join(string logs, PerformanceJoin join, PredictionLogCounts counts, DiagnosticBag bag)
    {
        try
        {
            if (PredictionLogReader.Files(logs).Count == 0)
            {
                bag.Error(Codes.PredictionLogsNotFound, $"'{logs}' holds no prediction log ({PredictionRecord.FilePrefix}*{PredictionRecord.FileExtension}). Give the folder the service logs to (PredictionLogOptions.Directory) or one of its files.", logs);
                return false;
            }
            foreach (PredictionRecord record in PredictionLogReader.Read(logs, counts))
            {
                join.Add(record, bag);
            }
            return !bag.HasErrors;
        }
        catch (FileNotFoundException e)
        {
            bag.Error(Codes.PredictionLogsNotFound, $"{e.Message} Give the folder the service logs to (PredictionLogOptions.Directory) or one of its files.", logs);
        }
        catch (InvalidDataException e)
        {
            bag.Error(Codes.PredictionLogRecordInvalid, $"{e.Message} A prediction log is written by MLOps.Runtime's PredictionLog; remove the damaged line (a crash can cut the last one short) or the file.", logs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.PredictionLogsNotFound, $"The prediction logs '{logs}' cannot be read: {e.Message}", logs);
        }
        return false;
    }

    /// <summary>Warns about what the join left out or mixed: other models' predictions, repeated request ids.</summary>
    public static void Warn(JoinCounts joined, PerformanceJoin join, ServedModel? served, DiagnosticBag bag)
    {
        if (joined.OtherModel > 0)
        {
            bag.Warning(Codes.PredictionLogOtherModel, string.Create(CultureInfo.InvariantCulture, $"{joined.OtherModel:N0} logged predictions came from another model than {ModelReference.Describe(served!.Info)} and were left out."));
        }
        else if (served is null && join.Models.Count > 1)
        {
            bag.Warning(Codes.PredictionLogOtherModel, string.Create(CultureInfo.InvariantCulture, $"The logs mix {join.Models.Count} models ({string.Join(", ", join.Models.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}: {m.Value:N0}")))}); the metrics are over all of them. Give --model to measure one."));
        }
        if (joined.DuplicatePredictions > 0)
        {
            bag.Warning(Codes.DuplicateRequestId, string.Create(CultureInfo.InvariantCulture, $"{joined.DuplicatePredictions:N0} logged predictions repeat a request id an earlier one has; the first prediction of each request is used."));
        }
    }
}
