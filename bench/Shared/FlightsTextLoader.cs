using Microsoft.ML.Data;

/// <summary>
/// How a plain ML.NET program reads the flights CSV: one definition for every baseline in bench/, so the
/// pipeline benchmark and the data benchmark compare against the same loader.
/// </summary>
internal static class FlightsTextLoader
{
    public static TextLoader.Options Options() => new()
    {
        HasHeader = true,
        Separators = [','],
        Columns =
        [
            new TextLoader.Column("date", DataKind.DateTime, 0),
            new TextLoader.Column("delay", DataKind.Single, 1),
            new TextLoader.Column("distance", DataKind.Single, 2),
            new TextLoader.Column("origin", DataKind.String, 3),
            new TextLoader.Column("destination", DataKind.String, 4),
        ],
    };
}
