using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using Npgsql;
using RunsBench;

// RunsBench fill <store> <count> [seed]   create the store's schema (RunStores.Open) and fill it with generated runs
// RunsBench count <store>                 the floor: a process that opens the database and prints SELECT count(*) FROM runs
// RunsBench query <store> <filter> <n>    the query alone: IRunStore.List (limit 20) n times in one process, median ms
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: RunsBench fill <store> <count> [seed] | count <store> | query <store> <filter> <repeats>");
    return 2;
}

string store = args[1];
switch (args[0])
{
    case "fill":
        var bag = new DiagnosticBag();
        using (IRunStore? opened = RunStores.Open(store, bag))
        {
            if (opened is null)
            {
                Console.Error.WriteLine(string.Join(Environment.NewLine, bag));
                return 2;
            }
        }

        var fill = Stopwatch.StartNew();
        StoreFiller.Fill(store, RunGenerator.Generate(int.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1));
        Console.WriteLine($"filled {store} with {args[2]} runs in {fill.Elapsed.TotalSeconds:0.0} s");
        return 0;
    case "count":
        Console.WriteLine(Bench.Count(store));
        return 0;
    case "query":
        var queryBag = new DiagnosticBag();
        using (IRunStore s = RunStores.Open(store, queryBag)!)
        {
            var times = new List<double>();
            int found = 0;
            for (int i = 0; i < int.Parse(args[3], CultureInfo.InvariantCulture); i++)
            {
                var watch = Stopwatch.StartNew();
                found = s.List(new RunSelection(Where: args[2], Limit: 20)).Count;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(FormattableString.Invariant($"runs={found} first_ms={times[^1]:0.0} median_ms={times[times.Count / 2]:0.0} min_ms={times[0]:0.0}"));
        }

        return 0;
    default:
        Console.Error.WriteLine($"unknown command {args[0]}");
        return 2;
}

internal static class Bench
{
    public static bool IsPostgres(string store) => store.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    public static long Count(string store)
    {
        if (IsPostgres(store))
        {
            using var pg = new NpgsqlConnection(store);
            pg.Open();
            using var command = new NpgsqlCommand("SELECT count(*) FROM runs", pg);
            return (long)command.ExecuteScalar()!;
        }

        using var sqlite = new SqliteConnection($"Data Source={store}");
        sqlite.Open();
        using SqliteCommand count = sqlite.CreateCommand();
        count.CommandText = "SELECT count(*) FROM runs";
        return (long)count.ExecuteScalar()!;
    }
}
