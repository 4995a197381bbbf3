using Microsoft.ML.Data;

namespace MLOps.Runtime.Tests;

/// <summary>The input class the typed API generates for FlightDelay (ApiGenerator.Input.cs): raw columns under their schema names.</summary>
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

/// <summary>The binary prediction class the typed API generates (ApiGenerator.Prediction.cs).</summary>
public sealed class FlightPrediction
{
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }

    public float Score { get; set; }
}

/// <summary>A training row: the input and the label (delay > 15 minutes), as the pipeline derives it.</summary>
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

    [NoColumn]
    public FlightInput Input => new() { Date = Date, Distance = Distance, Origin = Origin, Destination = Destination };
}
