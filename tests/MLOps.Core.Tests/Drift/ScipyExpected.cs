using System.Text.Json;
using MLOps.Core.Tests.Spec;

namespace MLOps.Core.Tests.Drift;

/// <summary>
/// Reads scipy/expected.json, written by scipy/regenerate.py (python3-scipy 1.10.1, numpy 1.24.2):
///     /usr/bin/python3 tests/MLOps.Core.Tests/Drift/scipy/regenerate.py
/// A dataset is a JSON array of numbers, or a formula both sides evaluate with the same IEEE double operations:
/// value i (0-based) = ((i + 1) * alpha % 1.0) * scale + shift, floored when "floor" is true.
/// </summary>
internal static class ScipyExpected
{
    /// <summary>Ours must equal scipy's to 1e-9: absolutely for values up to 1 (p-values, distances), relatively above.</summary>
    public const double Tolerance = 1e-9;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecLoaderTests.RepoRoot(), "tests", "MLOps.Core.Tests", "Drift", "scipy", "expected.json"))));

    public static IEnumerable<JsonElement> Cases(string section) => Document.Value.RootElement.GetProperty(section).EnumerateArray();

    public static JsonElement Case(string section, string name) =>
        Cases(section).Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> Names(string section) => Cases(section).Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static double[] Data(JsonElement spec)
    {
        if (spec.ValueKind == JsonValueKind.Array)
        {
            return [.. spec.EnumerateArray().Select(v => v.GetDouble())];
        }
        int n = spec.GetProperty("n").GetInt32();
        double alpha = spec.GetProperty("alpha").GetDouble(), scale = spec.GetProperty("scale").GetDouble(), shift = spec.GetProperty("shift").GetDouble();
        bool floor = spec.GetProperty("floor").GetBoolean();
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = ((i + 1) * alpha % 1.0 * scale) + shift;
            values[i] = floor ? Math.Floor(v) : v;
        }
        return values;
    }

    public static void Equal(double expected, double actual, string what)
    {
        double allowed = Tolerance * Math.Max(1, Math.Abs(expected));
        if (!(Math.Abs(actual - expected) <= allowed) && !(expected == actual))
        {
            throw new Xunit.Sdk.XunitException($"{what}: scipy {expected:R}, ours {actual:R} (difference {Math.Abs(actual - expected):E3}, allowed {allowed:E1}).");
        }
    }
}
