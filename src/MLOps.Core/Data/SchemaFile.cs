using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data;

/// <summary>
/// Reads a dataset's schema file (JSON: <c>{"columns":[{"name","type",...}], "rows":{"min","max"}, "unique":[...]}</c>,
/// docs/schema.md; <c>"$schema"</c> is accepted for editors and ignored).
/// Every problem becomes a diagnostic with the file and line, so a user never sees a stack trace.
/// </summary>
public static class SchemaFile
{
    private const string Hint =
        "A schema file is {\"columns\": [...]}; each column has \"name\" and \"type\", and optionally \"nullable\", \"required\", \"format\", \"min\", \"max\", \"allowed\", \"pattern\", \"max_length\", \"max_null_fraction\", \"mostly\" and \"environments\"; beside \"columns\" a schema may have \"rows\" and \"unique\".";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A typo such as "nulable" must fail loudly rather than silently make a column non-nullable.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new ColumnTypeConverter(), new PositionedConverter<ColumnDto>(), new PositionedConverter<RowsDto>(), new PositionedConverter<IReadOnlyList<string>>() },
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
        catch (ColumnException e)
        {
            Report(bag, e.Json, path, LineOf(bytes, e.Offset + bomLength));
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
            int line = LineOf(bytes, column.Offset + bomLength);
            foreach (string problem in Problems(column.Value, names))
            {
                bag.Error(Codes.SchemaColumnInvalid, $"column '{column.Value.Name}' {problem}", path, line);
            }
        }
        if (dto.Rows is { } rows && (rows.Value.Min < 0 || rows.Value.Min > rows.Value.Max || rows.Value.Max < 0 || rows.Value is { Min: null, Max: null }))
        {
            bag.Error(Codes.SchemaFileInvalid, $"\"rows\" must have a \"min\", a \"max\" or both, each 0 or more, with min at most max; found min {rows.Value.Min?.ToString() ?? "none"} and max {rows.Value.Max?.ToString() ?? "none"}. {Hint}", path, LineOf(bytes, rows.Offset + bomLength));
        }
        if (dto.Unique is { } unique)
        {
            int line = LineOf(bytes, unique.Offset + bomLength);
            if (unique.Value.Count == 0 || unique.Value.Distinct(StringComparer.Ordinal).Count() != unique.Value.Count)
            {
                bag.Error(Codes.SchemaFileInvalid, $"\"unique\" must list one or more distinct key columns. {Hint}", path, line);
            }
            foreach (string name in unique.Value.Where(n => !names.Contains(n)))
            {
                bag.Error(Codes.SchemaFileInvalid, $"\"unique\" names column '{name}', which the schema does not declare. Declare it in \"columns\" or remove it from the key.", path, line);
            }
        }

        return bag.Count > errors
            ? null
            : new TableSchema(dto.Columns.Select(c => c.Value.ToColumn()).ToArray(), path) { Rows = dto.Rows?.Value.ToRange(), Unique = dto.Unique?.Value };
    }

    private static IEnumerable<string> Problems(ColumnDto c, HashSet<string> seen)
    {
        if (c.Name.Length == 0)
        {
            yield return "has an empty name. Give every column the name it has in the data file's header.";
        }
        if (!seen.Add(c.Name))
        {
            yield return "is declared twice. Remove or rename one of the declarations.";
        }
        if (c.Min > c.Max)
        {
            yield return $"has min {c.Min} above max {c.Max}. Swap or correct the bounds.";
        }
        if ((c.Min is not null || c.Max is not null) && c.Type is not (ColumnType.Integer or ColumnType.Float))
        {
            yield return $"has min/max but type '{c.Type.ToString().ToLowerInvariant()}'. Bounds apply to integer and float columns only.";
        }
        if (c.Format is not null && c.Type != ColumnType.DateTime)
        {
            yield return $"has a format but type '{c.Type.ToString().ToLowerInvariant()}'. A format applies to datetime columns only.";
        }
        if ((c.Pattern is not null || c.MaxLength is not null) && c.Type is not (ColumnType.Categorical or ColumnType.Text))
        {
            yield return $"has a pattern or max_length but type '{c.Type.ToString().ToLowerInvariant()}'. They apply to categorical and text columns only.";
        }
        if (c.Allowed is not null && c.Type == ColumnType.Text)
        {
            yield return "has an allowed list but type 'text'. A column whose values come from a fixed set is \"categorical\"; change the type, or remove \"allowed\" from a free-text column.";
        }
        if (c.Pattern is not null && PatternError(c.Pattern) is { } error)
        {
            yield return $"has a pattern that is not a valid .NET regular expression: {error} Fix the pattern.";
        }
        if (c.MaxLength < 0)
        {
            yield return $"has max_length {c.MaxLength}. Give a length of 0 or more.";
        }
        if (c.MaxNullFraction is < 0 or > 1)
        {
            yield return $"has max_null_fraction {c.MaxNullFraction}. Give a fraction from 0 to 1.";
        }
        if (c.MaxNullFraction is not null && !c.Nullable)
        {
            yield return "has max_null_fraction but is not nullable. Add \"nullable\": true (empty values are then allowed up to that fraction).";
        }
        if (c.Mostly is <= 0 or > 1 || double.IsNaN(c.Mostly))
        {
            yield return $"has mostly {c.Mostly}. Give the fraction of rows that must pass, above 0 and at most 1 (default 1).";
        }
        if (c.Environments is { } environments)
        {
            foreach (string e in environments.Where(e => !TableSchema.KnownEnvironments.Contains(e)))
            {
                yield return $"names environment '{e}'. Valid values are {string.Join(", ", TableSchema.KnownEnvironments)}.";
            }
            if (environments.Count == 0)
            {
                yield return "has an empty environments list. List the environments the column is in, or leave the key out (all).";
            }
        }
    }

    private static string? PatternError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
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
            message = $"unknown setting '{setting}'.";
        }
        message = Regex.Replace(message, @"MLOps\.Core\.Data\.SchemaFile\+(\w+)", m => m.Groups[1].Value == nameof(SchemaDto) ? "the schema object" : "a column object");
        // Inside a column the path is relative to that column ("$.min"); the line already says which column.
        string where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (at '{e.Path.TrimStart('$', '.')}')";
        return e is UnknownColumnTypeException ? message : $"{message}{where} {Hint}";
    }

    // Byte offsets come from the JSON reader; lines are what an editor shows.
    private static int LineOf(byte[] bytes, long offset) =>
        1 + bytes.AsSpan(0, (int)Math.Min(offset, bytes.Length)).Count((byte)'\n');

    private sealed record SchemaDto(
        IReadOnlyList<Positioned<ColumnDto>> Columns,
        Positioned<RowsDto>? Rows = null,
        Positioned<IReadOnlyList<string>>? Unique = null,
        [property: JsonPropertyName("$schema")] string? Schema = null);

    private sealed record RowsDto(long? Min = null, long? Max = null)
    {
        public RowCountRange ToRange() => new(Min, Max);
    }

    private sealed record ColumnDto(
        string Name,
        ColumnType Type,
        bool Nullable = false,
        double? Min = null,
        double? Max = null,
        IReadOnlyList<string>? Allowed = null,
        string? Format = null,
        string? Pattern = null,
        [property: JsonPropertyName("max_length")] int? MaxLength = null,
        [property: JsonPropertyName("max_null_fraction")] double? MaxNullFraction = null,
        double Mostly = 1.0,
        bool Required = true,
        IReadOnlyList<string>? Environments = null)
    {
        public ColumnSchema ToColumn() =>
            new(Name, Type, Nullable, Min, Max, Allowed, Format, Pattern, MaxLength, MaxNullFraction, Mostly, Required, Environments);
    }

    // A value plus where it starts in the file, so semantic errors can name a line too.
    private sealed record Positioned<T>(T Value, long Offset);

    private sealed class PositionedConverter<T> : JsonConverter<Positioned<T>>
    {
        // Without this the serializer would put a null column in the list instead of asking the converter.
        public override bool HandleNull => true;

        public override Positioned<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonException(typeof(T) == typeof(ColumnDto) ? "a column is 'null'; expected an object." : "a setting is 'null'; leave it out instead.");
            }
            long offset = reader.TokenStartIndex;
            Utf8JsonReader probe = reader;
            probe.Skip(); // Syntax errors surface here, with lines counted from the start of the file.
            T? value;
            try
            {
                value = JsonSerializer.Deserialize<T>(ref reader, options);
            }
            catch (JsonException e)
            {
                // The nested read counts lines from the column's start; keep that start so Load can add it.
                throw new ColumnException(e, offset);
            }
            return new Positioned<T>(value!, offset);
        }

        public override void Write(Utf8JsonWriter writer, Positioned<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }

    private sealed class ColumnException(JsonException json, long offset) : Exception(json.Message, json)
    {
        public JsonException Json { get; } = json;

        public long Offset { get; } = offset;
    }

    private sealed class UnknownColumnTypeException(string message) : JsonException(message);

    private sealed class ColumnTypeConverter : JsonConverter<ColumnType>
    {
        private static readonly string ValidNames = string.Join(", ", Enum.GetNames<ColumnType>().Select(n => n.ToLowerInvariant()));

        public override ColumnType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            foreach (ColumnType type in Enum.GetValues<ColumnType>())
            {
                if (string.Equals(text, type.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    return type;
                }
            }
            // Schemas of other tools say "string"; which of the two string types it is decides checks, profile and encoding.
            string hint = string.Equals(text, "string", StringComparison.OrdinalIgnoreCase)
                ? " A string column is \"categorical\" when its values come from a bounded set (an airport code) or \"text\" when they are free text (a comment)."
                : "";
            throw new UnknownColumnTypeException($"unknown column type '{text ?? reader.TokenType.ToString()}'. Valid types are: {ValidNames}.{hint}");
        }

        public override void Write(Utf8JsonWriter writer, ColumnType value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString().ToLowerInvariant());
    }
}
