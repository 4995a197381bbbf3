using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLOps.Runtime;

/// <summary>
/// Reads a multiclass model's classes from the model itself: its PredictedLabel column is a key whose KeyValues
/// annotation maps key i+1 to the label value of Score slot i (ML.NET's order: first seen in the training data).
/// Nothing is guessed: a model without that mapping (binary, regression) has no classes.
/// </summary>
internal static class ModelClasses
{
    public const string PredictedLabelColumn = "PredictedLabel";
    private const string KeyValuesAnnotation = "KeyValues";

    /// <summary>The classes as a read-only list of the label's type (string, float or bool), or null when the model has none.</summary>
    public static object? Read(DataViewSchema output)
    {
        if (output.GetColumnOrNull(PredictedLabelColumn) is not { } column
            || column.Annotations.Schema.GetColumnOrNull(KeyValuesAnnotation) is not { Type: VectorDataViewType keyValues })
        {
            return null;
        }

        return keyValues.ItemType switch
        {
            TextDataViewType => Array.AsReadOnly(Array.ConvertAll(Values<ReadOnlyMemory<char>>(column), v => v.ToString())),
            NumberDataViewType { RawType: var raw } when raw == typeof(float) => Array.AsReadOnly(Values<float>(column)),
            BooleanDataViewType => Array.AsReadOnly(Values<bool>(column)),
            _ => null,
        };
    }

    private static T[] Values<T>(DataViewSchema.Column column)
    {
        VBuffer<T> values = default;
        column.GetKeyValues(ref values);
        return values.DenseValues().ToArray();
    }
}
