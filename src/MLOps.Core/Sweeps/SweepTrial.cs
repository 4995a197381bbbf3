using System.Globalization;

namespace MLOps.Core.Sweeps;

/// <summary>
/// One trial of a sweep: its number (1-based, in plan order; ties between trials go to the lowest) and every
/// hyperparameter it trains with (the trainer's own parameters with the swept ones on top), by ML.NET option name.
/// </summary>
public sealed record SweepTrial(int Number, IReadOnlyDictionary<string, double> Parameters)
{
    /// <summary>How parameters travel in MSBuild properties and run params: <c>LearningRate=0.1|NumberOfLeaves=31</c>, ordinal order, invariant, round-trip.</summary>
    public string ParameterText => Format(Parameters);

    /// <summary>The trial's folder under sweep/: trial-003, sorting in plan order.</summary>
    public string FolderName => $"trial-{Number:000}";

    public static string Format(IReadOnlyDictionary<string, double> parameters) =>
        string.Join("|", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"));

    /// <summary>The parameters <see cref="Format"/> wrote; null when the text is not in that form.</summary>
    public static SortedDictionary<string, double>? Parse(string text)
    {
        var parameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string pair in text.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return null;
            }

            parameters[parts[0].Trim()] = value;
        }

        return parameters;
    }
}
