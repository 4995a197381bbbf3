using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Schema;

/// <summary>
/// Reads a dataset's schema file (JSON: <c>{"columns":[{"name","type",...}], "rows":{"min","max"}, "unique":[...]}</c>,
/// docs/schema.md; <c>"$schema"</c> is accepted for editors and ignored).
/// Every problem becomes a diagnostic with the file and line, so a user never sees a stack trace.
/// </summary>
public static class SchemaFile
{
    private const string Hint =
        "A schema file is {\"columns\": [...]}; each column has \"name\" and \"type\", and optionally \"nullable\", \"required\", \"format\", \"min\", \"max\", \"allowed\", \"pattern\", \"max_length\", \"max_null_fraction\", \"mostly\" and \"environments\"; beside \"columns\" a schema may have \"rows\" and \"unique\". A check's value may be written {\"value\": ..., \"mostly\": ...}.";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A typo such as "nulable" must fail loudly rather than silently make a column non-nullable.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters =
        {
            new ColumnTypeConverter(), new CheckSettingConverterFactory(), new PositionedConverter<ColumnDto>(),
            new PositionedConverter<RowsDto>(), new PositionedConverter<CheckSetting<IReadOnlyList<string>>>(),
        },
    };

    public static TableSchema? Load(string path, DiagnosticBag bag)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.SchemaFileInvalid, $"cannot read the schema file: {e.Message} Check the path in the model spec.", path);
            return null;
        }

        ReadOnlySpan<byte> json = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        int bomLength = bytes.Length - json.Length;
        int LineAt(long offset) => LineOf(bytes, offset + bomLength);
        SchemaDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<SchemaDto>(json, Options);
        }
        catch (JsonException e)
        {
            Report(bag, e, path, 1);
            return null;
        }
        catch (NestedJsonException e)
        {
            Report(bag, e.Json, path, LineAt(e.Offset));
            return null;
        }

        if (dto is null)
        {
            bag.Error(Codes.SchemaFileInvalid, "the schema file holds 'null'; expected {\"columns\":[...]}.", path, 1);
            return null;
        }

        int errors = bag.Count;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Positioned<ColumnDto> column in dto.Columns)
        {
            foreach (string problem in SchemaFileRules.Problems(column.Value, names))
            {
                bag.Error(Codes.SchemaColumnInvalid, $"column {Visible.Quote(column.Value.Name)} {problem}", path, LineAt(column.Offset));
            }
        }
        if (dto.Rows is { } rows && (rows.Value.Min < 0 || rows.Value.Min > rows.Value.Max || rows.Value.Max < 0 || rows.Value is { Min: null, Max: null }))
        {
            bag.Error(Codes.SchemaFileInvalid, $"\"rows\" must have a \"min\", a \"max\" or both, each 0 or more, with min at most max; found min {rows.Value.Min?.ToString(CultureInfo.InvariantCulture) ?? "none"} and max {rows.Value.Max?.ToString(CultureInfo.InvariantCulture) ?? "none"}. {Hint}", path, LineAt(rows.Offset));
        }
        if (dto.Unique is { } unique)
        {
            CheckUnique(unique.Value, names, bag, path, LineAt(unique.Offset));
        }
        return bag.Count > errors ? null : dto.ToSchema(path);
    }

    private static void CheckUnique(CheckSetting<IReadOnlyList<string>> unique, HashSet<string> names, DiagnosticBag bag, string path, int line)
    {
        IReadOnlyList<string> key = unique.Value;
        if (key.Count == 0 || key.Distinct(StringComparer.Ordinal).Count() != key.Count)
        {
            bag.Error(Codes.SchemaFileInvalid, $"\"unique\" must list one or more distinct key columns. {Hint}", path, line);
        }
        foreach (string name in key.Where(n => !names.Contains(n)))
        {
            bag.Error(Codes.SchemaFileInvalid, $"\"unique\" names column {Visible.Quote(name)}, which the schema does not declare. Declare it in \"columns\" or remove it from the key.", path, line);
        }
        if (unique.Mostly is { } mostly && !SchemaFileRules.IsFraction(mostly))
        {
            bag.Error(Codes.SchemaFileInvalid, $"\"unique\" has mostly {mostly.ToString(CultureInfo.InvariantCulture)}. Give the fraction of rows that must pass, above 0 and at most 1.", path, line);
        }
    }

    // JsonException counts lines from 0, relative to where its reader started.
    private static void Report(DiagnosticBag bag, JsonException e, string path, int firstLine)
    {
        string code = e is UnknownColumnTypeException ? Codes.SchemaColumnTypeUnknown : Codes.SchemaFileInvalid;
        bag.Error(code, Describe(e), path, e.LineNumber is long line ? firstLine + (int)line : 0);
    }

    // The serializer appends "Path: ... | LineNumber: ..." to its messages and names its own types;
    // the line goes in the location, and the message speaks of settings and columns instead.
    private static string Describe(JsonException e)
    {
        string message = e.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0].TrimEnd();
        string setting = e.Path?.Split('.')[^1] ?? "";
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            message = $"unknown setting {Visible.Quote(setting)}.";
        }
        message = Regex.Replace(message, @"MLOps\.Core\.Data\.(\w+)(`1\[[^\]]*\]*)?", m => m.Groups[1].Value switch
        {
            nameof(SchemaDto) => "the schema object",
            nameof(ColumnDto) => "a column object",
            _ => "a check's {\"value\", \"mostly\"} object",
        });
        // Inside a column the path is relative to that column ("$.min"); the line already says which column.
        string where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (at '{e.Path.TrimStart('$', '.')}')";
        return e is UnknownColumnTypeException ? message : $"{message}{where} {Hint}";
    }

    // Byte offsets come from the JSON reader; lines are what an editor shows.
    private static int LineOf(byte[] bytes, long offset) =>
        1 + bytes.AsSpan(0, (int)Math.Min(offset, bytes.Length)).Count((byte)'\n');
}
