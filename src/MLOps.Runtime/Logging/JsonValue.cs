using System.Globalization;
using System.Text.Json;

namespace MLOps.Runtime;

/// <summary>
/// The JSON form of one value in a prediction log (docs/serving.md): numbers invariant, NaN and infinities as null
/// (JSON has no NaN; a missing value was NaN in training), datetimes ISO 8601 without offset, arrays as arrays,
/// anything else as its invariant string.
/// </summary>
internal static class JsonValue
{
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    public static Action<Utf8JsonWriter, TValue> For<TValue>() => (Action<Utf8JsonWriter, TValue>)For(typeof(TValue));

    private static Delegate For(Type type) => type switch
    {
        _ when type == typeof(float) => (Action<Utf8JsonWriter, float>)Single,
        _ when type == typeof(double) => (Action<Utf8JsonWriter, double>)Double,
        _ when type == typeof(int) => (Action<Utf8JsonWriter, int>)((w, v) => w.WriteNumberValue(v)),
        _ when type == typeof(long) => (Action<Utf8JsonWriter, long>)((w, v) => w.WriteNumberValue(v)),
        _ when type == typeof(uint) => (Action<Utf8JsonWriter, uint>)((w, v) => w.WriteNumberValue(v)),
        _ when type == typeof(bool) => (Action<Utf8JsonWriter, bool>)((w, v) => w.WriteBooleanValue(v)),
        _ when type == typeof(string) => (Action<Utf8JsonWriter, string?>)((w, v) => { if (v is null) w.WriteNullValue(); else w.WriteStringValue(v); }),
        _ when type == typeof(DateTime) => (Action<Utf8JsonWriter, DateTime>)Date,
        _ when type == typeof(float[]) => (Action<Utf8JsonWriter, float[]?>)Array,
        _ when Nullable.GetUnderlyingType(type) is { } inner => typeof(JsonValue).GetMethod(nameof(NullableOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(inner).Invoke(null, null) as Delegate ?? throw new InvalidOperationException(type.Name),
        _ => typeof(JsonValue).GetMethod(nameof(Text), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(Utf8JsonWriter), type)),
    };

    private static void Single(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void Double(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void Date(Utf8JsonWriter writer, DateTime value)
    {
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out int written, DateTimeFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    private static void Array(Utf8JsonWriter writer, float[]? values)
    {
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (float value in values)
        {
            Single(writer, value);
        }

        writer.WriteEndArray();
    }

    private static Action<Utf8JsonWriter, TValue?> NullableOf<TValue>()
        where TValue : struct
    {
        Action<Utf8JsonWriter, TValue> write = For<TValue>();
        return (w, v) =>
        {
            if (v is { } value)
            {
                write(w, value);
            }
            else
            {
                w.WriteNullValue();
            }
        };
    }

    private static void Text<TValue>(Utf8JsonWriter writer, TValue value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
