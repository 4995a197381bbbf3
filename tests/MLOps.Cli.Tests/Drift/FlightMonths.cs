using System.Globalization;
using System.Text;
using MLOps.Core.Data.Readers;
using MLOps.Tests.Infrastructure;
using Xunit;

namespace MLOps.Cli.Tests.Drift;

/// <summary>
/// The real flights file (../shared/data/flights-3m.parquet: 3,000,000 US domestic flights, January to June 2001) cut
/// into one CSV per month, every <c>every</c>-th flight of the month in file order (data/flights/README.md's cut, thinner),
/// read with the Core Parquet reader in one pass.
/// </summary>
internal static class FlightMonths
{
    public static string Parquet => Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "data", "flights-3m.parquet"));

    /// <summary>Writes &lt;folder&gt;/2001-01.csv ... 2001-06.csv and returns the row count of each month.</summary>
    public static IReadOnlyDictionary<int, int> Cut(string folder, int every)
    {
        Directory.CreateDirectory(folder);
        var writers = Enumerable.Range(1, 6).ToDictionary(m => m, m => new StreamWriter(Path.Combine(folder, $"2001-{m:00}.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" });
        var seen = new Dictionary<int, int>();
        var written = Enumerable.Range(1, 6).ToDictionary(m => m, _ => 0);
        try
        {
            foreach (StreamWriter writer in writers.Values)
                writer.WriteLine("date,delay,distance,origin,destination");
            using ITableReader reader = TableReader.Open(Parquet, report: null);
            Assert.Equal(["date", "delay", "distance", "origin", "destination"], reader.Columns);
            var line = new StringBuilder();
            while (reader.Read())
            {
                if (!DateTime.TryParse(reader[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTime date) || !writers.TryGetValue(date.Month, out StreamWriter? writer))
                    continue;
                int n = seen[date.Month] = seen.GetValueOrDefault(date.Month) + 1;
                if ((n - 1) % every != 0)
                    continue;
                line.Clear().Append(date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                for (int i = 1; i < 5; i++)
                    line.Append(',').Append(reader[i]);
                writer.WriteLine(line);
                written[date.Month]++;
            }

            Assert.False(reader.Stopped);
        }
        finally
        {
            foreach (StreamWriter writer in writers.Values)
                writer.Dispose();
        }

        return written;
    }
}
