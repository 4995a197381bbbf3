using System.Globalization;
using System.Text;

namespace MLOps.Core.Tests.Training;

/// <summary>
/// Small generated datasets with a real, learnable signal, and specs over them, one per task type.
/// Seeded, so every run writes the same bytes.
/// </summary>
internal static class TestModels
{
    public const string FlightsSchema = """
        {
          "columns": [
            { "name": "date", "type": "datetime", "format": "yyyy-MM-dd HH:mm" },
            { "name": "delay", "type": "integer", "min": -1440, "max": 2880 },
            { "name": "distance", "type": "integer", "min": 1, "max": 6000 },
            { "name": "origin", "type": "categorical", "allowed": ["ATL", "ORD", "SFO", "JFK"] },
            { "name": "destination", "type": "categorical", "allowed": ["ATL", "ORD", "SFO", "JFK"] }
          ]
        }
        """;

    private static readonly string[] Airports = ["ATL", "ORD", "SFO", "JFK"];

    /// <summary>Flights whose delay grows with the departure hour and is worse out of ORD.</summary>
    public static string FlightsCsv(int rows, int seed = 7)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("date,delay,distance,origin,destination\n");
        var start = new DateTime(2001, 1, 1);
        for (int i = 0; i < rows; i++)
        {
            DateTime date = start.AddMinutes(random.Next(0, 60 * 24 * 59));
            string origin = Airports[random.Next(Airports.Length)];
            int delay = (int)(date.Hour * 1.5 + (origin == "ORD" ? 12 : 0) + random.Next(-20, 15));
            csv.Append(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd HH:mm},{delay},{random.Next(100, 3000)},{origin},{Airports[random.Next(Airports.Length)]}\n");
        }

        return csv.ToString();
    }

    public static string FlightsSpec(string trainer = "LightGbm", string parameters = "NumberOfIterations: 20", string gates = "auc: { min: 0.6 }") => $$"""
        name: Flights
        task: binary-classification
        data:
          path: flights.csv
          schema: schema.json
        label:
          column: delay
          when: "> 15"
        features:
          - { name: DepartureHour, source: date, derive: hour }
          - { name: DayOfWeek, source: date, derive: day-of-week }
          - { name: Distance, source: distance }
          - { name: Origin, source: origin, encode: one-hot }
        trainer:
          name: {{trainer}}
          seed: 1
          parameters:
            {{parameters}}
        split:
          test-fraction: 0.25
          seed: 3
        gates:
          {{gates}}
        """;

    public const string IrisSchema = """
        {
          "columns": [
            { "name": "petal_length", "type": "float", "min": 0, "max": 10 },
            { "name": "petal_width", "type": "float", "min": 0, "max": 10 },
            { "name": "species", "type": "categorical", "allowed": ["setosa", "versicolor", "virginica"] }
          ]
        }
        """;

    /// <summary>Three species separated by petal size, with some overlap.</summary>
    public static string IrisCsv(int rows, int seed = 11)
    {
        var random = new Random(seed);
        string[] species = ["setosa", "versicolor", "virginica"];
        double[] length = [1.5, 4.3, 5.6];
        double[] width = [0.25, 1.3, 2.0];
        var csv = new StringBuilder("petal_length,petal_width,species\n");
        for (int i = 0; i < rows; i++)
        {
            int k = random.Next(3);
            csv.Append(CultureInfo.InvariantCulture, $"{length[k] + (random.NextDouble() - 0.5):0.00},{Math.Max(0, width[k] + ((random.NextDouble() - 0.5) * 0.6)):0.00},{species[k]}\n");
        }

        return csv.ToString();
    }

    public const string IrisSpec = """
        name: Iris
        task: multiclass-classification
        data: { path: iris.csv, schema: schema.json }
        label: { column: species }
        features:
          - { name: PetalLength, source: petal_length }
          - { name: PetalWidth, source: petal_width }
        trainer: { name: LightGbm, seed: 5, parameters: { NumberOfIterations: 30, MinimumExampleCountPerLeaf: 5 } }
        split: { test-fraction: 0.3, seed: 2 }
        gates:
          macro_accuracy: { min: 0.8 }
        """;

    public const string HousesSchema = """
        {
          "columns": [
            { "name": "rooms", "type": "integer", "min": 1, "max": 12 },
            { "name": "area", "type": "float", "min": 10, "max": 1000 },
            { "name": "city", "type": "categorical", "allowed": ["north", "south"] },
            { "name": "price", "type": "float", "min": 0, "max": 100000000 }
          ]
        }
        """;

    /// <summary>Prices linear in area and rooms, higher in the north, with noise.</summary>
    public static string HousesCsv(int rows, int seed = 13)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("rooms,area,city,price\n");
        for (int i = 0; i < rows; i++)
        {
            int rooms = random.Next(1, 8);
            double area = 20 + (rooms * 25) + (random.NextDouble() * 30);
            string city = random.Next(2) == 0 ? "north" : "south";
            double price = (area * 3000) + (rooms * 5000) + (city == "north" ? 40000 : 0) + ((random.NextDouble() - 0.5) * 20000);
            csv.Append(CultureInfo.InvariantCulture, $"{rooms},{area:0.0},{city},{price:0}\n");
        }

        return csv.ToString();
    }

    public static string HousesSpec(string trainer = "LightGbm", string parameters = "{ NumberOfIterations: 50, MinimumExampleCountPerLeaf: 5 }") => $$"""
        name: Houses
        task: regression
        data: { path: houses.csv, schema: schema.json }
        label: { column: price }
        features:
          - { name: Rooms, source: rooms }
          - { name: Area, source: area }
          - { name: City, source: city, encode: one-hot }
        trainer: { name: {{trainer}}, seed: 9, parameters: {{parameters}} }
        split: { test-fraction: 0.25, seed: 4 }
        gates:
          r_squared: { min: 0.8 }
        """;
}
