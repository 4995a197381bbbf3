using System.Text.Json;
using System.Text.Json.Serialization;
using MLOps.Core.Diagnostics;
using MLOps.Core.Drift.Columns;
using MLOps.Core.IO;

namespace MLOps.Core.Drift;

/// <summary>
/// What a dataset looked like, kept for drift checks: the model's input columns (datetimes as their hour,
/// day of week and month) and its prediction, each with exact values and counts (or a fine grid) so that the
/// statistics computed from it equal those on the raw rows. Written as drift-reference.json by the evaluate
/// step from the test split; the current data is summarised the same way (<see cref="DriftReferenceBuilder"/>).
/// </summary>
public sealed record DriftReference(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("columns")] IReadOnlyList<DriftColumn> Columns)
{
    public const string FormatName = "mlops-drift-reference";
    public const int CurrentVersion = 1;

    public DriftColumn? Find(string name)
    {
        foreach (DriftColumn column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }
        return null;
    }

    /// <summary>Writes the reference as indented JSON (deterministic: fixed key order, invariant numbers), only when its content changed.</summary>
    public void Save(string path) => JsonFile.Write(path, this);

    public string ToJson() => JsonFile.Serialize(this);

    /// <summary>Reads a drift reference; null (and the problem in <paramref name="diagnostics"/>) when it is missing or not one.</summary>
    public static DriftReference? Load(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Error(Codes.DriftReferenceUnreadable, $"The drift reference cannot be read: {e.Message} Give the drift-reference.json of a model package (or its folder).", path);
            return null;
        }
        return Parse(text, path, diagnostics);
    }

    /// <summary>Parses the JSON of a drift reference; <paramref name="source"/> names it in diagnostics.</summary>
    public static DriftReference? Parse(string json, string source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        string expected = $"Expected a JSON object with \"format\": \"{FormatName}\" (the drift-reference.json the evaluate step writes)";
        try
        {
            // The format key is checked first, so a profile.json or a data file says what it is not.
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out JsonElement format)
                || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                diagnostics.Error(Codes.DriftReferenceNotReference, $"The file is not a drift reference: found {Describe(root)}. {expected}.", source);
                return null;
            }
            if (!root.TryGetProperty("version", out JsonElement version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out int number) || number != CurrentVersion)
            {
                diagnostics.Error(Codes.DriftReferenceVersion, $"The drift reference has version {(root.TryGetProperty("version", out JsonElement v) ? v.GetRawText() : "(none)")}; this build reads version {CurrentVersion}. Rebuild the model with this version of the pipeline.", source);
                return null;
            }
        }
        catch (JsonException e)
        {
            diagnostics.Error(Codes.DriftReferenceNotReference, $"The file is not a drift reference: it is not valid JSON ({e.Message}). {expected}.", source);
            return null;
        }
        DriftReference? reference;
        try
        {
            reference = JsonSerializer.Deserialize<DriftReference>(json, JsonFile.Options);
        }
        catch (JsonException e)
        {
            diagnostics.Error(Codes.DriftReferenceNotReference, $"The drift reference cannot be read: a value has the wrong type ({e.Message}). Write it again with the evaluate step.", source);
            return null;
        }
        if (reference?.Columns is null)
        {
            diagnostics.Error(Codes.DriftReferenceNotReference, "The file is not a drift reference: it has no \"columns\" list.", source);
            return null;
        }
        return reference with { Columns = DriftColumnCheck.Valid(reference.Columns, source, diagnostics) };
    }

    private static string Describe(JsonElement root) => root.ValueKind != JsonValueKind.Object
        ? $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}"
        : root.TryGetProperty("profile_version", out _) ? "a data profile (profile.json)"
        : root.TryGetProperty("format", out JsonElement format) ? $"\"format\": {format.GetRawText()}"
        : "an object without \"format\"";
}
