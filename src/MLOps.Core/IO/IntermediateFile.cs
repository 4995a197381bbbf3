using System.Text.Json;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.IO;

/// <summary>
/// Reads the files one step of the pipeline writes for the next (under obj/&lt;Configuration&gt;/net10.0/mlops/:
/// training.json, metrics.json, gate.json, profile.json, package/lineage.json, the *.hash stamps). A damaged one
/// (truncated, not the JSON expected, a required property missing or null, unreadable) is reported as MLOPS2006
/// naming the file and what to do, never thrown: the step that reads it stops, and a rebuild writes it again.
/// </summary>
public static class IntermediateFile
{
    // Stricter than JsonFile.Options: a record's constructor parameter missing from the file, or null where the
    // type does not allow it, is a damaged file rather than a null the next line would dereference.
    private static readonly JsonSerializerOptions Strict = new(JsonFile.Options)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The file's JSON as <typeparamref name="T"/>, or null (MLOPS2006 reported) when it is damaged or missing.</summary>
    public static T? Read<T>(string path, DiagnosticBag bag)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(bag);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Strict) ?? Damaged<T>(path, "it holds JSON null", bag);
        }
        catch (Exception e) when (IsDamage(e))
        {
            return Damaged<T>(path, e.Message, bag);
        }
    }

    /// <summary>The file's text, trimmed, or null (MLOPS2006 reported) when it cannot be read.</summary>
    public static string? ReadText(string path, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (IsDamage(e))
        {
            return Damaged<string>(path, e.Message, bag);
        }
    }

    /// <summary>The failures that mean a file is damaged or unreadable, as opposed to a bug.</summary>
    public static bool IsDamage(Exception e) =>
        e is JsonException or IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException;

    /// <summary>Reports <paramref name="path"/> as damaged (MLOPS2006), saying why and what to do.</summary>
    public static void Report(string path, string reason, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        bag.Error(Codes.IntermediateFileDamaged,
            $"'{path}' is damaged ({reason.TrimEnd('.')}). An earlier step of the pipeline wrote it for the next one; it was cut short or changed since. " +
            "Delete the project's obj/ folder (or run 'dotnet build --no-incremental') so the steps write it again.", path);
    }

    private static T? Damaged<T>(string path, string reason, DiagnosticBag bag)
        where T : class
    {
        Report(path, reason, bag);
        return null;
    }
}
