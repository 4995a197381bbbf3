using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLOps.Core.Scoring;

/// <summary>One column of the predictions file: its header and the scored column (and, for a vector, the slot) it comes from.</summary>
public sealed record PredictionColumn(string Header, string Source, int Slot = -1);

/// <summary>
/// The columns of a predictions file, from the scored data's schema: the input's key columns first (when given), then the
/// task's outputs under the typed API's names: binary <c>PredictedLabel, Probability, Score</c>; regression <c>Score</c>;
/// multiclass <c>PredictedLabel</c> (the class, not ML.NET's key) and one <c>Score.&lt;class&gt;</c> per class, in the
/// model's class order (its PredictedLabel key values).
/// </summary>
public static class PredictionColumns
{
    private const string PredictedLabel = "PredictedLabel";
    private const string PredictedValue = "PredictedValue";
    private const string Score = "Score";
    private const string Probability = "Probability";

    public static IReadOnlyList<PredictionColumn> For(DataViewSchema scored, IReadOnlyList<(string Header, string Source)> keys)
    {
        var columns = keys.Select(k => new PredictionColumn(k.Header, k.Source)).ToList();
        DataViewSchema.Column? score = scored.GetColumnOrNull(Score);
        if (score is { Type: VectorDataViewType vector })
        {
            // Multiclass: the class as a label value, then each class's probability.
            columns.Add(new PredictionColumn(PredictedLabel, PredictedValue));
            IReadOnlyList<string> classes = Classes(scored, vector.Size);
            columns.AddRange(classes.Select((c, i) => new PredictionColumn($"{Score}.{c}", Score, i)));
        }
        else if (scored.GetColumnOrNull(Probability) is not null)
        {
            columns.Add(new PredictionColumn(PredictedLabel, PredictedLabel));
            columns.Add(new PredictionColumn(Probability, Probability));
            columns.Add(new PredictionColumn(Score, Score));
        }
        else if (score is not null)
        {
            columns.Add(new PredictionColumn(Score, Score));
        }
        else
        {
            throw new InvalidOperationException("The model's output has no Score column: it is not a model the pipeline trains.");
        }
        return columns;
    }

    /// <summary>A multiclass model's classes in its Score order, as text; empty for other tasks.</summary>
    public static IReadOnlyList<string> ClassesOf(DataViewSchema scored) =>
        scored.GetColumnOrNull(Score) is { Type: VectorDataViewType vector } ? Classes(scored, vector.Size) : [];

    // ML.NET keeps the class of each Score slot as the key values of PredictedLabel (slot i = key i+1).
    private static IReadOnlyList<string> Classes(DataViewSchema scored, int size)
    {
        DataViewSchema.Column? label = scored.GetColumnOrNull(PredictedLabel);
        if (label?.Annotations.Schema.GetColumnOrNull("KeyValues") is { Type: VectorDataViewType keyValues })
        {
            return keyValues.ItemType switch
            {
                TextDataViewType => Values<ReadOnlyMemory<char>>(label.Value).Select(v => v.ToString()).ToArray(),
                NumberDataViewType => Values<float>(label.Value).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                BooleanDataViewType => Values<bool>(label.Value).Select(v => v ? "true" : "false").ToArray(),
                _ => Slots(size),
            };
        }
        return Slots(size);
    }

    private static string[] Slots(int size) => [.. Enumerable.Range(0, size).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static T[] Values<T>(DataViewSchema.Column column)
    {
        VBuffer<T> values = default;
        column.GetKeyValues(ref values);
        return values.DenseValues().ToArray();
    }
}
