using System.Globalization;
using System.Text;
using System.Text.Json;
using MLOps.Core.Data.Schema;
using Parquet;
using Parquet.Schema;

namespace MLOps.Core.Tests.Data.Readers;

/// <summary>Flights-like rows (some nulls), and the same rows written as CSV, JSON Lines and Parquet.</summary>
internal sealed record FlightRow(DateTime? Date, int? Delay, int? Distance, string Origin, string? Destination)
{
    public static readonly string[] Airports = ["ATL", "SFO", "JFK", "ORD", "LAX"];

    public static readonly TableSchema Schema = new(
    [
        new ColumnSchema("date", ColumnType.DateTime, Format: "yyyy-MM-dd HH:mm"),
        new ColumnSchema("delay", ColumnType.Integer, Nullable: true, Min: -1440, Max: 2880),
        new ColumnSchema("distance", ColumnType.Integer, Min: 1, Max: 6000),
        new ColumnSchema("origin", ColumnType.Categorical, Allowed: Airports),
        new ColumnSchema("destination", ColumnType.Categorical, Nullable: true, Allowed: Airports),
    ], "schema.json");

    public static List<FlightRow> Generate(int count, int seed = 7)
    {
        var random = new Random(seed);
        var start = new DateTime(2001, 1, 1, 0, 0, 0);
        return [.. Enumerable.Range(0, count).Select(i => new FlightRow(
            start.AddMinutes(i * 37),
            i % 11 == 0 ? null : random.Next(-30, 300),
            random.Next(50, 4000),
            Airports[random.Next(Airports.Length)],
            i % 13 == 0 ? null : Airports[random.Next(Airports.Length)]))];
    }

    public static string Csv(IEnumerable<FlightRow> rows)
    {
        var csv = new StringBuilder("date,delay,distance,origin,destination\n");
        foreach (FlightRow r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Date:yyyy-MM-dd HH:mm},{r.Delay},{r.Distance},{r.Origin},{r.Destination}\n");
        }
        return csv.ToString();
    }

    public static string JsonLines(IEnumerable<FlightRow> rows) => string.Concat(rows.Select(r =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["date"] = r.Date?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["delay"] = r.Delay,
            ["distance"] = r.Distance,
            ["origin"] = r.Origin,
            ["destination"] = r.Destination,
        }) + "\n"));

    public static void WriteParquet(string path, IReadOnlyList<FlightRow> rows, int rowGroupSize = 200)
    {
        var date = new DataField<DateTime?>("date");
        var delay = new DataField<int?>("delay");
        var distance = new DataField<int?>("distance");
        var origin = new DataField<string>("origin");
        var destination = new DataField<string>("destination");
        Task.Run(async () =>
        {
            using FileStream stream = File.Create(path);
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(date, delay, distance, origin, destination), stream);
            foreach (FlightRow[] chunk in rows.Chunk(rowGroupSize))
            {
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync<DateTime>(date, chunk.Select(r => r.Date).ToArray());
                await group.WriteAsync<int>(delay, chunk.Select(r => r.Delay).ToArray());
                await group.WriteAsync<int>(distance, chunk.Select(r => r.Distance).ToArray());
                await group.WriteAsync(origin, chunk.Select(r => r.Origin).ToArray());
                await group.WriteAsync(destination, chunk.Select(r => r.Destination).ToArray()!);
            }
        }).GetAwaiter().GetResult();
    }
}
