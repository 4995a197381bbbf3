using System.Globalization;
using System.Text;
using Microsoft.ML;
using MLOps.Cli.Progress;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Core.Scoring;
using MLOps.ModelFormat.Contract;
using MLOps.Runtime;

namespace MLOps.Cli.Scoring;

/// <summary>What <c>mlops predict</c> was asked to do.</summary>
internal sealed record PredictRequest(string Model, string Data, string Output, string? Feed, string? Stage, string? Cache, int BatchSize, IReadOnlyList<string> Include);

/// <summary>
/// <c>mlops predict</c>'s steps: resolve the model (folder or package), load it through the runtime (verified against its
/// lineage), check the data against the model's schema.json in the serving environment (the MLOPS1xxx diagnostics of
/// <c>mlops validate</c>), then stream the rows through the model into the predictions file. The file is written under a
/// temporary name and moved into place only when every row was scored: a failed run leaves no file and keeps an older one.
/// </summary>
internal static class BatchScoring
{
    public const string Environment = "serving";

    public static async Task<int> RunAsync(PredictRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        IProgressReporter progress = ProgressReporters.For(error, System.Environment.GetEnvironmentVariable);
        string start = Directory.GetCurrentDirectory();
        if (request.BatchSize < 1)
        {
            bag.Error(Codes.ScoringBatchSizeInvalid, $"--batch-size must be a whole number of at least 1 (rows between progress reports); found {request.BatchSize.ToString(CultureInfo.InvariantCulture)}.");
            return Finish(error, bag);
        }

        string cache = request.Cache ?? Path.Combine(RepositoryRoot.Find(start), "artifacts", "models");
        ResolvedModel? resolved = await ModelReference.ResolveAsync(request.Model, request.Feed, request.Stage, cache, start, bag, cancellationToken).ConfigureAwait(false);
        if (resolved is null || LoadSchema(resolved.Folder, bag) is not { } schema)
        {
            return Finish(error, bag);
        }

        using LoadedModel? model = progress.Step("loading model", _ => Load(resolved, bag));
        string target = Path.GetFullPath(request.Output, start);
        if (model is null || ScoringInputs.Match(model.InputSchema, schema, request.Include, Environment, bag) is not { } inputs || !CanWrite(target, bag))
        {
            return Finish(error, bag);
        }

        string data = Path.GetFullPath(request.Data, start);
        progress.Step("validating", _ => DataValidator.Validate(data, schema, bag, environment: Environment));
        if (bag.HasErrors)
        {
            return Finish(error, bag);
        }

        long? rows = progress.Step("scoring", status => Score(model, data, inputs, target, request.BatchSize, status, bag, cancellationToken));
        Reporter.Write(error, bag);
        if (rows is null)
        {
            return ExitCodes.For(bag);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows scored by {ModelReference.Describe(model.Info)} -> {target}"));
        return ExitCodes.Success;
    }

    private static TableSchema? LoadSchema(string folder, DiagnosticBag bag)
    {
        string path = Path.Combine(folder, ModelFiles.SchemaFile);
        if (!File.Exists(path))
        {
            bag.Error(Codes.ScoringSchemaMissing, $"The model has no {ModelFiles.SchemaFile} beside it in '{folder}', so its input cannot be checked. Use the folder the pipeline made (obj/ or a consumer's mlops/<Name>/) or a package packed by the MLOps SDK, which carries the schema.", folder);
            return null;
        }
        return SchemaFile.Load(path, bag);
    }

    private static LoadedModel? Load(ResolvedModel resolved, DiagnosticBag bag)
    {
        try
        {
            return LoadedModel.Load(resolved.Folder, resolved.Origin);
        }
        catch (ModelLoadException e)
        {
            bag.Error(e.Code, e.Message, resolved.Folder);
            return null;
        }
    }

    // Fails fast, before a long validation, when the predictions file could not be written anyway.
    private static bool CanWrite(string target, DiagnosticBag bag)
    {
        try
        {
            using (File.Create(TempPath(target), 1, FileOptions.DeleteOnClose))
            {
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.ScoringOutputNotWritable, $"The predictions file '{target}' cannot be written: {e.Message} Check that its folder exists and is writable, or give another -o.", target);
            return false;
        }
    }

    /// <summary>Scores validated data into <paramref name="target"/>; null (reported) when a row cannot be read or scored, or the file written.</summary>
    internal static long? Score(LoadedModel model, string data, ScoringInputs inputs, string target, int batchSize, Action<string> status, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        string temp = TempPath(target);
        try
        {
            var view = new StreamingTableView(data, inputs.ModelColumns, [.. inputs.KeyColumns.Select(k => (k.ViewColumn, k.Header))]);
            IDataView scored = model.Transform(view);
            IReadOnlyList<PredictionColumn> columns = PredictionColumns.For(scored.Schema, [.. inputs.KeyColumns.Select(k => (k.Header, k.ViewColumn))]);
            long rows;
            using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                rows = PredictionCsvWriter.Write(scored, columns, writer, batchSize, n => status(string.Create(CultureInfo.InvariantCulture, $"{n:N0} rows")), cancellationToken);
            }
            File.Move(temp, target, overwrite: true);
            return rows;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.ScoringOutputNotWritable, $"The predictions file '{target}' cannot be written: {e.Message} Check the disk and the folder's permissions.", target);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException or FormatException)
        {
            bag.Error(Codes.ScoringFailed, $"Scoring '{data}' failed: {e.Message} The data passed validation, so this is a model the runtime cannot score; check that the model and its schema.json come from one build.", data);
        }
        finally
        {
            File.Delete(temp);
        }
        return null;
    }

    private static string TempPath(string target) => $"{target}.tmp-{System.Environment.ProcessId}";

    private static int Finish(TextWriter error, DiagnosticBag bag)
    {
        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }
}
