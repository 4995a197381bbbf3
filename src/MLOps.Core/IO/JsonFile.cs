using System.Text.Encodings.Web;
using System.Text.Json;

namespace MLOps.Core.IO;

/// <summary>
/// Reads and writes the pipeline's JSON files one way everywhere: indented, invariant, keys in
/// declaration order (dictionaries are sorted by their writers), and rewritten only when the content
/// changes, so MSBuild's timestamps move only when something really did.
/// </summary>
public static class JsonFile
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path} holds JSON null.");

    /// <summary>Writes <paramref name="value"/> unless the file already holds exactly that; returns whether it wrote.</summary>
    public static bool Write<T>(string path, T value) => TextFile.WriteIfChanged(path, Serialize(value));
}
