using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLOps.Core.DriftCheck;

/// <summary>
/// A drift sample from an ML.NET data view: the model's input columns (as <see cref="Data.Readers.TableLoader"/> or the
/// train step's test.idv hold them) and, when the view was scored, the prediction (<see cref="PredictionColumn"/>).
/// One pass over the rows.
/// </summary>
public static class DataViewSample
{
    /// <summary>The input columns of <paramref name="data"/> (unscored: a transform may reuse an input's name for its output).</summary>
    public static DriftSample Read(IDataView data, IReadOnlyList<DriftInput> inputs)
    {
        var sample = new DriftSample();
        DataViewSchema.Column[] columns = [.. inputs.Select(i => data.Schema.GetColumnOrNull(i.Name)).OfType<DataViewSchema.Column>()];
        sample.Rows = ReadColumns(data, columns, sample, c => c.Name);
        return sample;
    }

    /// <summary>Adds the prediction of <paramref name="scored"/> (the same rows, scored) to <paramref name="sample"/>; false when it has none.</summary>
    public static bool AddPrediction(IDataView scored, DriftSample sample)
    {
        if (PredictionColumn(scored.Schema) is not { } prediction)
        {
            return false;
        }

        ReadColumns(scored, [scored.Schema[prediction]], sample, c => DriftSample.PredictionPrefix + c.Name);
        return true;
    }

    private static long ReadColumns(IDataView data, DataViewSchema.Column[] columns, DriftSample sample, Func<DataViewSchema.Column, string> name)
    {
        long rows = 0;
        using DataViewRowCursor cursor = data.GetRowCursor(columns);
        Action[] readers = [.. columns.Select(c => Reader(cursor, c, sample, name(c)))];
        while (cursor.MoveNext())
        {
            foreach (Action read in readers)
            {
                read();
            }

            rows++;
        }

        return rows;
    }

    /// <summary>
    /// The output a drift check compares: Probability (binary classification), else a scalar Score (regression), else
    /// PredictedLabel (multiclass); null for a view that was not scored.
    /// </summary>
    public static string? PredictionColumn(DataViewSchema schema)
    {
        if (schema.GetColumnOrNull("Probability") is { IsHidden: false })
        {
            return "Probability";
        }

        if (schema.GetColumnOrNull("Score") is { IsHidden: false, Type: NumberDataViewType })
        {
            return "Score";
        }

        return schema.GetColumnOrNull("PredictedLabel") is { IsHidden: false } ? "PredictedLabel" : null;
    }

    private static Action Reader(DataViewRowCursor cursor, DataViewSchema.Column column, DriftSample sample, string name)
    {
        switch (column.Type)
        {
            case DateTimeDataViewType:
            {
                ValueGetter<DateTime> get = cursor.GetGetter<DateTime>(column);
                List<DateTime> values = sample.DateColumn(name);
                DateTime value = default;
                return () =>
                {
                    get(ref value);
                    values.Add(value); // default(DateTime): the loader's missing datetime
                };
            }
            case NumberDataViewType when column.Type.RawType == typeof(float):
                return Numbers<float>(cursor, column, sample.NumberColumn(name), v => v);
            case NumberDataViewType when column.Type.RawType == typeof(double):
                return Numbers<double>(cursor, column, sample.NumberColumn(name), v => v);
            case BooleanDataViewType:
                return Categories<bool>(cursor, column, sample.CategoryColumn(name), v => v ? "true" : "false");
            case KeyDataViewType:
                return Categories<uint>(cursor, column, sample.CategoryColumn(name), v => v == 0 ? null : v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            default:
                return Categories<ReadOnlyMemory<char>>(cursor, column, sample.CategoryColumn(name), v => v.Length == 0 ? null : v.ToString());
        }
    }

    private static Action Numbers<T>(DataViewRowCursor cursor, DataViewSchema.Column column, List<double> values, Func<T, double> convert)
    {
        ValueGetter<T> get = cursor.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            get(ref value);
            values.Add(convert(value));
        };
    }

    private static Action Categories<T>(DataViewRowCursor cursor, DataViewSchema.Column column, List<string?> values, Func<T, string?> convert)
    {
        ValueGetter<T> get = cursor.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            get(ref value);
            values.Add(convert(value));
        };
    }
}
