using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace DriftBench;

/// <summary>The flights columns as arrays (read once with the Core table loader, not timed); categories as codes into one shared label list.</summary>
internal sealed class FlightsColumns
{
    public required DateTime[] Date { get; init; }

    public required double[] Delay { get; init; }

    public required double[] Distance { get; init; }

    public required int[] Origin { get; init; }

    public required int[] Destination { get; init; }

    public required List<string> Labels { get; init; }

    public int Rows => Date.Length;

    public static FlightsColumns Read(string data, string schemaPath)
    {
        var bag = new DiagnosticBag();
        TableSchema schema = SchemaFile.Load(schemaPath, bag) ?? throw new InvalidOperationException(string.Join("\n", bag));
        IDataView view = TableLoader.Load(new MLContext(seed: 1), data, schema, ["date", "delay", "distance", "origin", "destination"]);
        int rows = (int)view.GetRowCount()!.Value;
        var columns = new FlightsColumns
        {
            Date = new DateTime[rows], Delay = new double[rows], Distance = new double[rows],
            Origin = new int[rows], Destination = new int[rows], Labels = [],
        };
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        int Code(ReadOnlyMemory<char> text)
        {
            string label = text.ToString();
            if (!codes.TryGetValue(label, out int code))
            {
                code = codes[label] = columns.Labels.Count;
                columns.Labels.Add(label);
            }
            return code;
        }
        using DataViewRowCursor cursor = view.GetRowCursor(view.Schema);
        ValueGetter<DateTime> date = cursor.GetGetter<DateTime>(view.Schema["date"]);
        ValueGetter<float> delay = cursor.GetGetter<float>(view.Schema["delay"]);
        ValueGetter<float> distance = cursor.GetGetter<float>(view.Schema["distance"]);
        ValueGetter<ReadOnlyMemory<char>> origin = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["origin"]);
        ValueGetter<ReadOnlyMemory<char>> destination = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["destination"]);
        DateTime d = default;
        float f = 0;
        ReadOnlyMemory<char> s = default;
        for (int i = 0; cursor.MoveNext(); i++)
        {
            date(ref d);
            columns.Date[i] = d;
            delay(ref f);
            columns.Delay[i] = f;
            distance(ref f);
            columns.Distance[i] = f;
            origin(ref s);
            columns.Origin[i] = Code(s);
            destination(ref s);
            columns.Destination[i] = Code(s);
        }
        return columns;
    }
}
