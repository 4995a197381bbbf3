using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLOps.Core.Evaluation.Details;

/// <summary>Reads whole columns of a scored data view into memory (the test split is small next to the training data).</summary>
internal static class ScoredColumns
{
    public static long CountRows(IDataView data)
    {
        long n = 0;
        using DataViewRowCursor cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
            n++;
        return n;
    }

    /// <summary>The values of one scalar column of type <typeparamref name="T"/>, up to <paramref name="limit"/> rows.</summary>
    public static List<T> Read<T>(IDataView data, string column, long limit = long.MaxValue)
    {
        DataViewSchema.Column col = data.Schema[column];
        var values = new List<T>();
        using DataViewRowCursor cursor = data.GetRowCursor([col]);
        ValueGetter<T> getter = cursor.GetGetter<T>(col);
        T value = default!;
        while (values.Count < limit && cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return values;
    }

    /// <summary>Binary classification's label, score and predicted label in one pass (each pass scores every row again).</summary>
    public static (List<bool> Labels, List<float> Scores, List<bool> Predicted) ReadBinary(IDataView data, string label, string score, string predicted)
    {
        DataViewSchema.Column l = data.Schema[label], s = data.Schema[score], p = data.Schema[predicted];
        var result = (new List<bool>(), new List<float>(), new List<bool>());
        using DataViewRowCursor cursor = data.GetRowCursor([l, s, p]);
        ValueGetter<bool> getLabel = cursor.GetGetter<bool>(l), getPredicted = cursor.GetGetter<bool>(p);
        ValueGetter<float> getScore = cursor.GetGetter<float>(s);
        bool lv = false, pv = false;
        float sv = 0;
        while (cursor.MoveNext())
        {
            getLabel(ref lv);
            getScore(ref sv);
            getPredicted(ref pv);
            result.Item1.Add(lv);
            result.Item2.Add(sv);
            result.Item3.Add(pv);
        }

        return result;
    }

    /// <summary>A float vector column as dense arrays, copied row by row (the cursor reuses its buffer).</summary>
    public static float[][] ReadVectors(IDataView data, string column, long limit)
    {
        DataViewSchema.Column col = data.Schema[column];
        var rows = new List<float[]>();
        using DataViewRowCursor cursor = data.GetRowCursor([col]);
        ValueGetter<VBuffer<float>> getter = cursor.GetGetter<VBuffer<float>>(col);
        var value = default(VBuffer<float>);
        while (rows.Count < limit && cursor.MoveNext())
        {
            getter(ref value);
            rows.Add([.. value.DenseValues()]);
        }

        return [.. rows];
    }

    /// <summary>A numeric column as floats, whatever its numeric type (a regression label may be a double).</summary>
    public static List<float> ReadSingles(MLContext ml, IDataView data, string column, long limit = long.MaxValue)
    {
        if (data.Schema[column].Type == NumberDataViewType.Single)
            return Read<float>(data, column, limit);
        IDataView converted = ml.Transforms.Conversion.ConvertType("__mlops_single", column, DataKind.Single).Fit(data).Transform(data);
        return Read<float>(converted, "__mlops_single", limit);
    }
}
