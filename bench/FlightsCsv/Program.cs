// Usage: FlightsCsv <flights.parquet> <out.csv> [--rows N] [--until yyyy-MM-dd] [--every K]
// Writes the flights as CSV (date,delay,distance,origin,destination), in file order. --until keeps
// flights scheduled before that date, --every keeps every K-th of those (a deterministic sample),
// --rows stops after N rows written. The demo cut in data/flights was made with
//   FlightsCsv flights-3m.parquet flights.csv --until 2001-03-01 --every 10
using System.Globalization;
using Parquet;
using Parquet.Schema;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: FlightsCsv <flights.parquet> <out.csv> [--rows N] [--until yyyy-MM-dd] [--every K]");
    return 2;
}
long maxRows = long.MaxValue;
DateTime until = DateTime.MaxValue;
int every = 1;
for (int i = 2; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rows": maxRows = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--until": until = DateTime.ParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
        case "--every": every = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

using var input = File.OpenRead(args[0]);
await using var reader = await ParquetReader.CreateAsync(input);
DataField[] fields = reader.Schema.GetDataFields();
using var output = new StreamWriter(args[1], false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
output.WriteLine("date,delay,distance,origin,destination");
long seen = 0, written = 0;
for (int g = 0; g < reader.RowGroupCount && written < maxRows; g++)
{
    using var group = reader.OpenRowGroupReader(g);
    int n = checked((int)group.RowCount);
    var date = new DateTime?[n]; var delay = new long?[n]; var distance = new long?[n];
    var origin = new string?[n]; var destination = new string?[n];
    await group.ReadAsync(fields[0], date.AsMemory());
    await group.ReadAsync(fields[1], delay.AsMemory());
    await group.ReadAsync(fields[2], distance.AsMemory());
    await group.ReadAsync(fields[3], origin.AsMemory());
    await group.ReadAsync(fields[4], destination.AsMemory());
    for (int r = 0; r < n && written < maxRows; r++)
    {
        if (date[r] is not { } d || d >= until) continue;
        if (seen++ % every != 0) continue;
        output.Write(d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write(delay[r]?.ToString(CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write(distance[r]?.ToString(CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write(origin[r]);
        output.Write(',');
        output.WriteLine(destination[r]);
        written++;
    }
}
Console.WriteLine($"{written} rows written to {args[1]}");
return 0;
