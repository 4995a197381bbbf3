using System.Reflection;
using System.Text.Json;
using Microsoft.ML.Data;

namespace MLOps.Runtime;

/// <summary>
/// Writes one object of <typeparamref name="T"/> as a JSON object, with the members ML.NET sees: a property with
/// [ColumnName] under that name (the schema's column name), one without under its own name, [NoColumn] ones skipped.
/// The members and their typed writers are found once per type; a call only runs the compiled getters.
/// </summary>
internal static class JsonRow<T>
{
    private static readonly Action<Utf8JsonWriter, T>[] Members = [.. typeof(T)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<NoColumnAttribute>() is null)
        .Select(Member)];

    public static void Write(Utf8JsonWriter writer, T value)
    {
        writer.WriteStartObject();
        foreach (Action<Utf8JsonWriter, T> member in Members)
        {
            member(writer, value);
        }

        writer.WriteEndObject();
    }

    private static Action<Utf8JsonWriter, T> Member(PropertyInfo property)
    {
        // ColumnNameAttribute keeps its name internal: read it from the attribute's constructor argument.
        string name = property.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(ColumnNameAttribute))?
            .ConstructorArguments[0].Value as string ?? property.Name;
        MethodInfo typed = typeof(JsonRow<T>).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(property.PropertyType);
        return (Action<Utf8JsonWriter, T>)typed.Invoke(null, [property, JsonEncodedText.Encode(name)])!;
    }

    private static Action<Utf8JsonWriter, T> Typed<TValue>(PropertyInfo property, JsonEncodedText name)
    {
        var get = (Func<T, TValue>)Delegate.CreateDelegate(typeof(Func<T, TValue>), property.GetMethod!);
        Action<Utf8JsonWriter, TValue> write = JsonValue.For<TValue>();
        return (writer, row) =>
        {
            writer.WritePropertyName(name);
            write(writer, get(row));
        };
    }
}
