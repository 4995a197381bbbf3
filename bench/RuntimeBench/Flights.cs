using System.Globalization;
using Microsoft.ML.Data;

namespace RuntimeBench;

/// <summary>The FlightDelay model's input as its generated typed API declares it (ApiGenerator.Input.cs).</summary>
public sealed class FlightInput
{
    [ColumnName("date")]
    public DateTime Date { get; set; }

    [ColumnName("distance")]
    public float Distance { get; set; }

    [ColumnName("origin")]
    public string Origin { get; set; } = "";

    [ColumnName("destination")]
    public string Destination { get; set; } = "";
}

/// <summary>The binary prediction class of the generated API.</summary>
public sealed class FlightPrediction
{
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }

    public float Score { get; set; }
}

/// <summary>A training row: the input columns and the label (delay > 15 minutes).</summary>
public sealed class FlightRow
{
    [ColumnName("date")]
    public DateTime Date { get; set; }

    [ColumnName("distance")]
    public float Distance { get; set; }

    [ColumnName("origin")]
    public string Origin { get; set; } = "";

    [ColumnName("destination")]
    public string Destination { get; set; } = "";

    public bool Label { get; set; }

    /// <summary>Rows of data/flights/flights.csv (an empty distance read as NaN, as the pipeline reads it).</summary>
    public static List<FlightRow> Read(string csv) =>
        [.. File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).Where(f => f.Length == 5 && f[1].Length > 0).Select(f => new FlightRow
        {
            Date = DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Label = float.Parse(f[1], CultureInfo.InvariantCulture) > 15,
            Distance = f[2].Length == 0 ? float.NaN : float.Parse(f[2], CultureInfo.InvariantCulture),
            Origin = f[3],
            Destination = f[4],
        })];

    public FlightInput ToInput() => new() { Date = Date, Distance = Distance, Origin = Origin, Destination = Destination };
}
