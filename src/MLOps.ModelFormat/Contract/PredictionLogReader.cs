using System.Globalization;
using System.Text.Json;

namespace MLOps.ModelFormat.Contract;

/// <summary>
/// Reads prediction logs back: one .jsonl file, or every predictions-*.jsonl in a folder in the order they were
/// written. "dropped" lines are not records; they are added to <see cref="PredictionLogCounts.Dropped"/>.
/// A line that is not a record (a file cut short by a crash, an edited file) stops the read with its file and line.
/// </summary>
public static class PredictionLogReader
{
    public static IEnumerable<PredictionRecord> Read(string fileOrFolder, PredictionLogCounts? counts = null)
    {
        ArgumentNullException.ThrowIfNull(fileOrFolder);
        foreach (string file in Files(fileOrFolder))
        {
            int number = 0;
            foreach (string line in File.ReadLines(file))
            {
                number++;
                if (line.Length == 0)
                {
                    continue;
                }

                PredictionRecord? record = Parse(line, file, number, counts);
                if (record is not null)
                {
                    if (counts is not null)
                    {
                        counts.Records++;
                    }

                    yield return record;
                }
            }
        }
    }

    /// <summary>The log files of a folder, oldest first (by the time in the name, then its sequence number); a file alone.</summary>
    public static IReadOnlyList<string> Files(string fileOrFolder)
    {
        if (File.Exists(fileOrFolder))
        {
            return [fileOrFolder];
        }

        if (!Directory.Exists(fileOrFolder))
        {
            throw new FileNotFoundException($"'{fileOrFolder}' is neither a prediction log file nor a folder.", fileOrFolder);
        }

        return [.. Directory.EnumerateFiles(fileOrFolder, PredictionRecord.FilePrefix + "*" + PredictionRecord.FileExtension)
            .Select(f => (File: f, Order: Order(Path.GetFileNameWithoutExtension(f))))
            .OrderBy(f => f.Order.Time, StringComparer.Ordinal).ThenBy(f => f.Order.Sequence).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => f.File)];
    }

    private static (string Time, long Sequence) Order(string name)
    {
        string[] parts = name[PredictionRecord.FilePrefix.Length..].Split('-');
        return (parts[0], parts.Length > 1 && long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : 0);
    }

    private static PredictionRecord? Parse(string line, string file, int number, PredictionLogCounts? counts)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            if (root.TryGetProperty(PredictionRecord.Keys.Dropped, out JsonElement dropped))
            {
                if (counts is not null)
                {
                    counts.Dropped += dropped.GetInt64();
                }

                return null;
            }

            return new PredictionRecord(
                root.GetProperty(PredictionRecord.Keys.Time).GetDateTimeOffset(),
                root.GetProperty(PredictionRecord.Keys.RequestId).GetString()!,
                root.GetProperty(PredictionRecord.Keys.Model).GetString()!,
                root.TryGetProperty(PredictionRecord.Keys.Version, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null,
                root.GetProperty(PredictionRecord.Keys.ModelSha256).GetString()!,
                Values(root.GetProperty(PredictionRecord.Keys.Input)),
                Values(root.GetProperty(PredictionRecord.Keys.Output)));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{file}({number}): not a prediction log record ({e.Message}).", e);
        }
    }

    // Cloned: the values outlive the line's document.
    private static Dictionary<string, JsonElement> Values(JsonElement obj) =>
        obj.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
}

/// <summary>What a read saw: the records returned and the records the writer reported dropped.</summary>
public sealed class PredictionLogCounts
{
    public long Records { get; set; }

    public long Dropped { get; set; }
}
