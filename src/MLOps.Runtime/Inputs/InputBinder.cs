using System.Globalization;
using System.Reflection;
using Microsoft.ML.Data;

namespace MLOps.Runtime.Inputs;

/// <summary>
/// Turns checked values (column name → long, double, bool, DateTime or string) into a model's input object: each
/// column goes to the property whose ML.NET <see cref="ColumnNameAttribute"/> names it (the typed API's input class),
/// or else to the property of that exact name. A null leaves the property at its default, which for a nullable
/// column of the typed API is null, scored as a missing value was in training. Columns the class does not have
/// (a schema column the model does not read) are skipped.
/// </summary>
public sealed class InputBinder<TInput>
    where TInput : class, new()
{
    private readonly Dictionary<string, PropertyInfo> _properties;

    public InputBinder()
    {
        _properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (PropertyInfo property in typeof(TInput).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (property.GetCustomAttribute<NoColumnAttribute>() is not null)
            {
                continue;
            }
            _properties.TryAdd(ColumnOf(property), property);
        }
    }

    // ColumnNameAttribute keeps its name internal; the attribute's constructor argument is the name.
    private static string ColumnOf(PropertyInfo property) =>
        property.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(ColumnNameAttribute))
            ?.ConstructorArguments[0].Value as string ?? property.Name;

    public TInput Bind(IReadOnlyDictionary<string, object?> values)
    {
        var input = new TInput();
        foreach ((string column, object? value) in values)
        {
            if (value is not null && _properties.TryGetValue(column, out PropertyInfo? property))
            {
                property.SetValue(input, Convert(value, property.PropertyType));
            }
        }
        return input;
    }

    // The typed API declares integer and float columns float; a row's numbers arrive as long or double.
    private static object Convert(object value, Type type)
    {
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsInstanceOfType(value) ? value : System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
