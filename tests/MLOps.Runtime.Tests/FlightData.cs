using System.Globalization;

namespace MLOps.Runtime.Tests;

/// <summary>Rows of the repository's demo data (data/flights/flights.csv), read plainly: the tests need real rows, not the pipeline's loader.</summary>
internal static class FlightData
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary><paramref name="count"/> rows from row <paramref name="skip"/> (rows with an empty field skipped).</summary>
    public static List<FlightRow> Read(int skip, int count) =>
        [.. File.ReadLines(Path.Combine(RepoRoot(), "data", "flights", "flights.csv"))
            .Skip(1 + skip)
            .Select(Parse)
            .OfType<FlightRow>()
            .Take(count)];

    private static FlightRow? Parse(string line)
    {
        string[] f = line.Split(',');
        if (f.Length != 5 || f.Any(string.IsNullOrEmpty))
        {
            return null;
        }

        return new FlightRow
        {
            Date = DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Label = float.Parse(f[1], CultureInfo.InvariantCulture) > 15,
            Distance = float.Parse(f[2], CultureInfo.InvariantCulture),
            Origin = f[3],
            Destination = f[4],
        };
    }
}
