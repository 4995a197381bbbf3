using Microsoft.ML.Data;
using Parquet;
using Parquet.Schema;

namespace BareScoring;

/// <summary>One flight as the model reads it (the schema's column names, numbers as float as ML.NET trains on them).</summary>
public sealed class FlightRow
{
    [ColumnName("date")] public DateTime Date { get; set; }

    [ColumnName("distance")] public float Distance { get; set; }

    [ColumnName("origin")] public string Origin { get; set; } = "";

    [ColumnName("destination")] public string Destination { get; set; } = "";
}

/// <summary>The flights Parquet file, one row group in memory at a time, as rows.</summary>
public static class ParquetRows
{
    public static IEnumerable<FlightRow> Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        ParquetReader reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            DataField[] fields = reader.Schema.GetDataFields();
            DataField date = fields.Single(f => f.Name == "date"), distance = fields.Single(f => f.Name == "distance");
            DataField origin = fields.Single(f => f.Name == "origin"), destination = fields.Single(f => f.Name == "destination");
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int n = checked((int)group.RowCount);
                var dates = new DateTime?[n];
                var distances = new long?[n];
                var origins = new string?[n];
                var destinations = new string?[n];
                group.ReadAsync<DateTime>(date, dates.AsMemory()).AsTask().GetAwaiter().GetResult();
                ReadNumbers(group, distance, distances);
                group.ReadAsync(origin, origins.AsMemory()!).AsTask().GetAwaiter().GetResult();
                group.ReadAsync(destination, destinations.AsMemory()!).AsTask().GetAwaiter().GetResult();
                for (int i = 0; i < n; i++)
                {
                    yield return new FlightRow
                    {
                        Date = dates[i] ?? default,
                        Distance = distances[i] is { } d ? d : float.NaN,
                        Origin = origins[i] ?? "",
                        Destination = destinations[i] ?? "",
                    };
                }
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // The file's integer width is the writer's choice (int32 or int64).
    private static void ReadNumbers(ParquetRowGroupReader group, DataField field, long?[] values)
    {
        if (field.ClrType == typeof(long))
        {
            group.ReadAsync<long>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            return;
        }
        var ints = new int?[values.Length];
        group.ReadAsync<int>(field, ints.AsMemory()).AsTask().GetAwaiter().GetResult();
        for (int i = 0; i < ints.Length; i++)
        {
            values[i] = ints[i];
        }
    }
}
