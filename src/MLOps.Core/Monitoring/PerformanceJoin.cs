using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Monitoring;

/// <summary>How many predictions and labels met, and how many did not (the first prediction of a request id counts).</summary>
public sealed record JoinCounts(long Predictions, long Labelled, long WithoutLabel, long LabelsWithoutPrediction, long OtherModel, long DuplicatePredictions);

/// <summary>
/// Joins prediction log records with their labels by request id and turns each labelled prediction into the row the task's
/// evaluator reads. Records of another model than <c>modelSha256</c> (when given) are counted and left out: their metrics are
/// not this model's. Output values come from the log's <c>output</c> object by the prediction class's property names.
/// </summary>
public sealed class PerformanceJoin
{
    private readonly TaskType _task;
    private readonly GroundTruth _truth;
    private readonly IReadOnlyList<string> _classes;
    private readonly string? _modelSha256;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _labelled = new(StringComparer.Ordinal);
    private long _predictions, _otherModel, _duplicates, _invalid, _withoutLabel;

    /// <param name="classes">Multiclass: the model's classes in its Score order; empty otherwise.</param>
    public PerformanceJoin(TaskType task, GroundTruth truth, IReadOnlyList<string> classes, string? modelSha256)
    {
        _task = task;
        _truth = truth;
        _classes = classes;
        _modelSha256 = modelSha256;
    }

    public List<BinaryRow> Binary { get; } = [];

    public List<RegressionRow> Regression { get; } = [];

    public List<MulticlassRow> Multiclass { get; } = [];

    /// <summary>The model versions the joined records came from (version or sha256), with their counts.</summary>
    public SortedDictionary<string, long> Models { get; } = new(StringComparer.Ordinal);

    public JoinCounts Counts => new(_predictions, _labelled.Count, _withoutLabel, _truth.Values.Keys.Concat(_truth.Classes.Keys).LongCount(id => !_seen.Contains(id)), _otherModel, _duplicates);

    /// <summary>Adds one record; a record whose output lacks what the task needs is reported (the first few) and skipped.</summary>
    public void Add(PredictionRecord record, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(record);
        _predictions++;
        if (_modelSha256 is not null && !string.Equals(record.ModelSha256, _modelSha256, StringComparison.OrdinalIgnoreCase))
        {
            _otherModel++;
            return;
        }
        if (!_seen.Add(record.RequestId))
        {
            _duplicates++;
            return;
        }
        string model = record.Version ?? record.ModelSha256[..Math.Min(12, record.ModelSha256.Length)];
        Models[model] = Models.GetValueOrDefault(model) + 1;
        if (!HasLabel(record.RequestId))
        {
            _withoutLabel++;
            return;
        }
        if (!TryAdd(record))
        {
            if (++_invalid <= 5)
            {
                bag.Error(Codes.PredictionLogRecordInvalid, $"The prediction of request {Visible.Quote(record.RequestId)} has no usable {Needed()} in its output ({string.Join(", ", record.Output.Keys)}). The logs must come from a {SpecNames.Of(_task)} model's prediction log.");
            }
            return;
        }
        _labelled.Add(record.RequestId);
    }

    private bool HasLabel(string id) => _task == TaskType.MulticlassClassification ? _truth.Classes.ContainsKey(id) : _truth.Values.ContainsKey(id);

    private string Needed() => _task switch
    {
        TaskType.BinaryClassification => "PredictedLabel, Probability and Score",
        TaskType.Regression => "Score",
        _ => "PredictedLabel and Score (one per class)",
    };

    private bool TryAdd(PredictionRecord record)
    {
        IReadOnlyDictionary<string, JsonElement> output = record.Output;
        switch (_task)
        {
            case TaskType.BinaryClassification when Number(output, "Score") is { } score && Number(output, "Probability") is { } probability && Boolean(output, "PredictedLabel") is { } predicted:
                Binary.Add(new BinaryRow { Label = _truth.Values[record.RequestId] == 1, Score = score, Probability = probability, PredictedLabel = predicted });
                return true;
            case TaskType.Regression when Number(output, "Score") is { } value:
                Regression.Add(new RegressionRow { Label = _truth.Values[record.RequestId], Score = value });
                return true;
            case TaskType.MulticlassClassification when Scores(output) is { } scores && scores.Length == _classes.Count:
                Multiclass.Add(new MulticlassRow { Label = _truth.Classes[record.RequestId], Score = scores, PredictedLabel = _classes[Array.IndexOf(scores, scores.Max())] });
                return true;
            default:
                return false;
        }
    }

    // NaN is logged as null (JSON has no NaN).
    private static float? Number(IReadOnlyDictionary<string, JsonElement> output, string name) =>
        output.TryGetValue(name, out JsonElement e) ? e.ValueKind switch
        {
            JsonValueKind.Number => e.GetSingle(),
            JsonValueKind.Null => float.NaN,
            _ => null,
        } : null;

    private static bool? Boolean(IReadOnlyDictionary<string, JsonElement> output, string name) =>
        output.TryGetValue(name, out JsonElement e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : null;

    private static float[]? Scores(IReadOnlyDictionary<string, JsonElement> output) =>
        output.TryGetValue("Score", out JsonElement e) && e.ValueKind == JsonValueKind.Array
            ? [.. e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetSingle() : float.NaN)]
            : null;
}
