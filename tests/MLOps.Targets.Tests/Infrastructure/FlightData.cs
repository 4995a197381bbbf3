using System.Globalization;

namespace MLOps.Tests.Infrastructure;

/// <summary>
/// Rows in the flights format (date,delay,distance,origin,destination) with a real signal to learn:
/// later departures and a few congested origins are delayed more often. Seeded, so always the same rows.
/// </summary>
public static class FlightData
{
    public const string Header = "date,delay,distance,origin,destination";

    private static readonly string[] Airports = ["ATL", "ORD", "DFW", "LAX", "DEN", "JFK", "SFO", "SEA", "PHX", "LAS"];
    private static readonly HashSet<string> Congested = ["ORD", "JFK", "SFO"];

    public static IEnumerable<string> Rows(int count, int seed)
    {
        var random = new Random(seed);
        var firstDay = new DateTime(2001, 1, 1);
        for (int i = 0; i < count; i++)
        {
            DateTime departure = firstDay.AddDays(random.Next(59)).AddHours(random.Next(5, 24)).AddMinutes(random.Next(60));
            string origin = Airports[random.Next(Airports.Length)];
            string destination = Airports.Where(a => a != origin).ElementAt(random.Next(Airports.Length - 1));
            double delayChance = 0.05 + (0.03 * (departure.Hour - 5)) + (Congested.Contains(origin) ? 0.25 : 0);
            int delay = random.NextDouble() < delayChance ? random.Next(20, 180) : random.Next(-10, 11);
            yield return Row(departure, delay, random.Next(100, 2500), origin, destination);
        }
    }

    public static string Row(DateTime departure, int delay, int distance, string origin, string destination) =>
        string.Join(',', departure.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            delay.ToString(CultureInfo.InvariantCulture), distance.ToString(CultureInfo.InvariantCulture), origin, destination);
}
