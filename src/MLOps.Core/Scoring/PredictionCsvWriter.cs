using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLOps.Core.Scoring;

/// <summary>
/// Writes scored rows as CSV (RFC 4180, '\n' line ends, UTF-8 without BOM), one line per input row in input order.
/// Everything is invariant culture; a float is written in its shortest round-trip form ("R"), so reading the file back gives
/// the exact score the model computed; booleans as <c>true</c>/<c>false</c>; text quoted only when it must be.
/// </summary>
public static class PredictionCsvWriter
{
    /// <summary>Writes the header and every row; <paramref name="progress"/> is told the rows written every <paramref name="reportEvery"/> rows.</summary>
    /// <returns>The rows written.</returns>
    public static long Write(IDataView scored, IReadOnlyList<PredictionColumn> columns, TextWriter output, int reportEvery = 100_000, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(',', columns.Select(c => Quote(c.Header))));
        output.Write('\n');
        DataViewSchema.Column[] needed = [.. columns.Select(c => scored.Schema[c.Source]).DistinctBy(c => c.Index)];
        using DataViewRowCursor cursor = scored.GetRowCursor(needed);
        Action<TextWriter>[] writers = [.. columns.Select(c => Writer(cursor, scored.Schema[c.Source], c.Slot))];
        long rows = 0;
        while (cursor.MoveNext())
        {
            for (int i = 0; i < writers.Length; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }
                writers[i](output);
            }
            output.Write('\n');
            if (++rows % reportEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(rows);
            }
        }
        return rows;
    }

    private static Action<TextWriter> Writer(DataViewRowCursor cursor, DataViewSchema.Column column, int slot)
    {
        DataViewType type = column.Type;
        if (slot >= 0 && type is VectorDataViewType)
        {
            ValueGetter<VBuffer<float>> get = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> vector = default;
            return w =>
            {
                get(ref vector);
                WriteFloat(w, vector.GetItemOrDefault(slot));
            };
        }
        if (type is NumberDataViewType && type.RawType == typeof(float))
        {
            ValueGetter<float> get = cursor.GetGetter<float>(column);
            float value = 0;
            return w =>
            {
                get(ref value);
                WriteFloat(w, value);
            };
        }
        if (type is BooleanDataViewType)
        {
            ValueGetter<bool> get = cursor.GetGetter<bool>(column);
            bool value = false;
            return w =>
            {
                get(ref value);
                w.Write(value ? "true" : "false");
            };
        }
        if (type is TextDataViewType)
        {
            ValueGetter<ReadOnlyMemory<char>> get = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> value = default;
            return w =>
            {
                get(ref value);
                WriteText(w, value.Span);
            };
        }
        throw new InvalidOperationException($"Column '{column.Name}' has type {type}, which a predictions file does not hold.");
    }

    [ThreadStatic]
    private static char[]? t_buffer;

    private static void WriteFloat(TextWriter w, float value)
    {
        char[] buffer = t_buffer ??= new char[32];
        if (value.TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture))
        {
            w.Write(buffer, 0, written);
        }
    }

    private static void WriteText(TextWriter w, ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(",\"\r\n") < 0)
        {
            w.Write(text);
            return;
        }
        w.Write('"');
        w.Write(text.ToString().Replace("\"", "\"\"", StringComparison.Ordinal));
        w.Write('"');
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
