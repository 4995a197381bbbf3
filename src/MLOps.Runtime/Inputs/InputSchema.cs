using System.Text.Json;

namespace MLOps.Runtime.Inputs;

/// <summary>
/// The packaged schema.json as a service needs it: the columns and the rules a single row can break. MLOps.Core reads
/// the same file with every check and a line number in each diagnostic; a service must not carry Core (the run
/// store, the feeds, the trainers), so this reader takes only what a row is checked against and trusts the rest to
/// the build, which validated the file before packing it. A test in MLOps.Core.Tests holds the two readers to the
/// same rules for every schema the repository has.
/// </summary>
public sealed class InputSchema
{
    public const string Serving = "serving";

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private InputSchema(IReadOnlyList<InputColumn> columns) => Columns = columns;

    public IReadOnlyList<InputColumn> Columns { get; }

    /// <summary>The columns checked in <paramref name="environment"/>: columns limited to "training" (the label) are not.</summary>
    public IEnumerable<InputColumn> In(string environment) => Columns.Where(c => c.AppliesIn(environment));

    /// <summary>Reads a schema file; a file that is not a schema throws <see cref="ModelLoadException"/> (MLOPS1001).</summary>
    public static InputSchema Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException(InputCodes.SchemaInvalid, $"cannot read the schema '{path}': {e.Message} Restore the model package.");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new ModelLoadException(InputCodes.SchemaInvalid, $"'{path}' is not a schema file: {e.Message} Restore the model package (docs/schema.md).");
        }
    }

    /// <summary>Reads schema JSON text. Throws <see cref="JsonException"/> or <see cref="FormatException"/> when it is not a schema.</summary>
    public static InputSchema Parse(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        JsonElement columns = document.RootElement.GetProperty("columns");
        return new InputSchema([.. columns.EnumerateArray().Select(ReadColumn)]);
    }

    private static InputColumn ReadColumn(JsonElement c)
    {
        string name = c.GetProperty("name").GetString() ?? throw new FormatException("a column has a null name.");
        string type = c.GetProperty("type").GetString() ?? "";
        return new InputColumn(
            name,
            Enum.TryParse(type, ignoreCase: true, out InputType t) && !int.TryParse(type, out _)
                ? t
                : throw new FormatException($"column '{name}' has the unknown type '{type}'."),
            Nullable: Flag(c, "nullable", false),
            Min: Check(c, "min")?.GetDouble(),
            Max: Check(c, "max")?.GetDouble(),
            Allowed: Check(c, "allowed") is { } allowed ? [.. allowed.EnumerateArray().Select(v => v.GetString()!)] : null,
            Format: c.TryGetProperty("format", out JsonElement format) ? format.GetString() : null,
            Pattern: Check(c, "pattern")?.GetString(),
            MaxLength: Check(c, "max_length")?.GetInt32(),
            Required: Flag(c, "required", true),
            Environments: c.TryGetProperty("environments", out JsonElement environments)
                ? [.. environments.EnumerateArray().Select(v => v.GetString()!)]
                : null);
    }

    private static bool Flag(JsonElement column, string name, bool absent) =>
        column.TryGetProperty(name, out JsonElement value) ? value.GetBoolean() : absent;

    // A check is written bare ("min": 0) or with its own tolerance ("min": {"value": 0, "mostly": 0.99}); one row
    // either passes or breaks it, so only the value matters here.
    private static JsonElement? Check(JsonElement column, string name) =>
        !column.TryGetProperty(name, out JsonElement setting) ? null
        : setting.ValueKind == JsonValueKind.Object ? setting.GetProperty("value")
        : setting;
}
