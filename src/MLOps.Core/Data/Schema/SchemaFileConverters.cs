using System.Text.Json;
using System.Text.Json.Serialization;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Schema;

/// <summary>Reads a <see cref="Positioned{T}"/>: the value, and the byte offset it starts at.</summary>
internal sealed class PositionedConverter<T> : JsonConverter<Positioned<T>>
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
            // The nested read counts lines from the value's start; keep that start so SchemaFile can add it.
            throw new NestedJsonException(e, offset);
        }
        return new Positioned<T>(value!, offset);
    }

    public override void Write(Utf8JsonWriter writer, Positioned<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}

/// <summary>Reads a check's setting in either form: the bare value, or <c>{"value": ..., "mostly": ...}</c>.</summary>
/// <remarks>
/// Reads with the value type's converter on the same reader rather than a nested <c>JsonSerializer.Deserialize</c>,
/// which would count lines afresh from the setting's start: errors keep the line in the file.
/// </remarks>
internal sealed class CheckSettingConverter<T> : JsonConverter<CheckSetting<T>>
{
    public override CheckSetting<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var valueConverter = (JsonConverter<T>)options.GetConverter(typeof(T));
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new CheckSetting<T>(ReadValue(ref reader, valueConverter, options));
        }
        T? value = default;
        bool hasValue = false;
        double? mostly = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "value":
                    value = ReadValue(ref reader, valueConverter, options);
                    hasValue = true;
                    break;
                case "mostly" when reader.TokenType == JsonTokenType.Number:
                    mostly = reader.GetDouble();
                    break;
                case "mostly":
                    throw new JsonException("\"mostly\" must be a number: the fraction of rows that must pass the check.");
                default:
                    throw new JsonException($"unknown setting {Visible.Quote(name)} in a check's {{\"value\", \"mostly\"}} object.");
            }
        }
        if (!hasValue || mostly is null)
        {
            throw new JsonException("a check written as an object needs both 'value' and 'mostly', e.g. {\"value\": 0, \"mostly\": 0.99}.");
        }
        return new CheckSetting<T>(value!, mostly);
    }

    private static T ReadValue(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null
            ? throw new JsonException("a check's value is 'null'; leave the setting out instead.")
            : converter.Read(ref reader, typeof(T), options)!;

    public override void Write(Utf8JsonWriter writer, CheckSetting<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}

internal sealed class CheckSettingConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(CheckSetting<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(CheckSettingConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>Reads a column type by its lower-case name, with the valid names in the error.</summary>
internal sealed class ColumnTypeConverter : JsonConverter<ColumnType>
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
        throw new UnknownColumnTypeException($"unknown column type {Visible.Quote(text ?? reader.TokenType.ToString())}. Valid types are: {ValidNames}.{hint}");
    }

    public override void Write(Utf8JsonWriter writer, ColumnType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString().ToLowerInvariant());
}

/// <summary>A JSON error inside a positioned value, with the offset its line numbers count from.</summary>
internal sealed class NestedJsonException(JsonException json, long offset) : Exception(json.Message, json)
{
    public JsonException Json { get; } = json;

    public long Offset { get; } = offset;
}

internal sealed class UnknownColumnTypeException(string message) : JsonException(message);
