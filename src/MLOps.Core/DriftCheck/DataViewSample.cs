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
    public static DriftSample Read(IDataView data, IReadOnlyList<DriftInput> inputs)
    {
        var sample = new DriftSample();
        var readers = new List<Action>();
        var columns = new List<DataViewSchema.Column>();
        foreach (DriftInput input in inputs)
        {
            if (data.Schema.GetColumnOrNull(input.Name) is { } column)
            {
                columns.Add(column);
            }
        }

        string? prediction = PredictionColumn(data.Schema);
        if (prediction is not null)
        {
            columns.Add(data.Schema[prediction]);
        }

        using (DataViewRowCursor cursor = data.GetRowCursor(columns))
        {
            foreach (DriftInput input in inputs)
            {
                if (data.Schema.GetColumnOrNull(input.Name) is { } column)
                {
                    readers.Add(Reader(cursor, column, sample, input.Name));
                }
            }

            if (prediction is not null)
            {
                readers.Add(Reader(cursor, data.Schema[prediction], sample, DriftSample.PredictionPrefix + prediction));
            }

            while (cursor.MoveNext())
            {
                foreach (Action read in readers)
                {
                    read();
                }

                sample.Rows++;
            }
        }

        return sample;
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
                var parts = DriftSample.DateParts.Select(p => (Values: sample.NumberColumn($"{name}.{p.Suffix}"), p.Part)).ToArray();
                DateTime value = default;
                return () =>
                {
                    get(ref value);
                    foreach (var (values, part) in parts)
                    {
                        values.Add(value == default ? double.NaN : part(value)); // the loader's missing datetime
                    }
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
