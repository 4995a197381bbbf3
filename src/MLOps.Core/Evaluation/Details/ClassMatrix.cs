using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Training;

namespace MLOps.Core.Evaluation.Details;

/// <summary>Confusion matrices: counts[actual][predicted].</summary>
internal static class ClassMatrix
{
    public static ConfusionMatrix Binary(IReadOnlyList<bool> actual, IReadOnlyList<bool> predicted)
    {
        var counts = new long[2][];
        counts[0] = new long[2];
        counts[1] = new long[2];
        for (int i = 0; i < actual.Count; i++)
            counts[actual[i] ? 1 : 0][predicted[i] ? 1 : 0]++;
        return new ConfusionMatrix(["false", "true"], counts);
    }

    /// <summary>Label and PredictedLabel are keys (1-based; 0 is missing), named by the label's key values.</summary>
    public static ConfusionMatrix Multiclass(IDataView scored)
    {
        IReadOnlyList<string> classes = ClassNames(scored.Schema[LabelPreparation.LabelColumn]);
        List<uint> actual = ScoredColumns.Read<uint>(scored, LabelPreparation.LabelColumn);
        List<uint> predicted = ScoredColumns.Read<uint>(scored, "PredictedLabel");
        long[][] counts = [.. classes.Select(_ => new long[classes.Count])];
        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i] is > 0 and var a && a <= classes.Count && predicted[i] is > 0 and var p && p <= classes.Count)
                counts[a - 1][p - 1]++;
        }

        return new ConfusionMatrix(classes, counts);
    }

    private static IReadOnlyList<string> ClassNames(DataViewSchema.Column label)
    {
        int count = label.Type is KeyDataViewType key ? (int)key.Count : 0;
        DataViewType? itemType = (label.Annotations.Schema.GetColumnOrNull("KeyValues")?.Type as VectorDataViewType)?.ItemType;
        IEnumerable<string>? names = itemType switch
        {
            TextDataViewType => Values<ReadOnlyMemory<char>>(label).Select(v => v.ToString()),
            _ when itemType == NumberDataViewType.Single => Values<float>(label).Select(v => v.ToString(CultureInfo.InvariantCulture)),
            _ when itemType == NumberDataViewType.Double => Values<double>(label).Select(v => v.ToString(CultureInfo.InvariantCulture)),
            _ => null,
        };
        return [.. names ?? Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    }

    private static T[] Values<T>(DataViewSchema.Column label)
    {
        var values = new VBuffer<T>();
        label.GetKeyValues(ref values);
        return [.. values.DenseValues()];
    }
}
