using System.Text.Json;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.DriftCheck;

/// <summary>
/// A drift sample from prediction logs (docs/serving.md): each record's input by the model's input columns and its
/// output, so prediction drift needs no rescoring. A datetime input is read in the log's ISO 8601 form, or in the
/// schema's format.
/// </summary>
public static class LogSample
{
    /// <summary>True when <paramref name="path"/> is a prediction log: a predictions-*.jsonl file, or a folder of them.</summary>
    public static bool IsLog(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, PredictionRecord.FilePrefix + "*" + PredictionRecord.FileExtension).Any()
            : Path.GetFileName(path).StartsWith(PredictionRecord.FilePrefix, StringComparison.Ordinal) && path.EndsWith(PredictionRecord.FileExtension, StringComparison.Ordinal);

    public static DriftSample Read(string path, IReadOnlyList<DriftInput> inputs, TableSchema? schema, PredictionLogCounts counts)
    {
        var sample = new DriftSample();
        string? output = null;
        foreach (PredictionRecord record in PredictionLogReader.Read(path, counts))
        {
            foreach (DriftInput input in inputs)
            {
                record.Input.TryGetValue(input.Name, out JsonElement value);
                Add(sample, input, value, schema?.Find(input.Name)?.Format);
            }

            output ??= Output(record.Output);
            if (output is not null)
            {
                record.Output.TryGetValue(output, out JsonElement value);
                string name = DriftSample.PredictionPrefix + output;
                if (output == "PredictedLabel")
                {
                    sample.CategoryColumn(name).Add(Text(value));
                }
                else
                {
                    sample.NumberColumn(name).Add(value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN);
                }
            }

            sample.Rows++;
        }

        return sample;
    }

    // The same choice as a scored data view's (DataViewSample.PredictionColumn).
    private static string? Output(IReadOnlyDictionary<string, JsonElement> output) =>
        output.ContainsKey("Probability") ? "Probability"
        : output.TryGetValue("Score", out JsonElement score) && score.ValueKind is JsonValueKind.Number or JsonValueKind.Null ? "Score"
        : output.ContainsKey("PredictedLabel") ? "PredictedLabel" : null;

    private static void Add(DriftSample sample, DriftInput input, JsonElement value, string? format)
    {
        if (input.IsDateTime)
        {
            string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            DateTime when = default;
            bool parsed = text is not null && (ValueParser.TryDateTime(text, null, out when) || ValueParser.TryDateTime(text, format, out when));
            sample.DateColumn(input.Name).Add(parsed ? when : default);
        }
        else if (input.IsNumber)
        {
            sample.NumberColumn(input.Name).Add(value.ValueKind == JsonValueKind.Number ? value.GetDouble()
                : value.ValueKind == JsonValueKind.String && ValueParser.TryFloat(value.GetString(), out double n) ? n : double.NaN);
        }
        else
        {
            sample.CategoryColumn(input.Name).Add(Text(value));
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
