using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Packaging;
using MLOps.Core.Training;

namespace MLOps.Core.Scaffolding;

/// <summary>
/// One feature per column but the label, encoded as its schema type asks (docs/model-spec.md#features): numbers and
/// booleans numeric, categories one-hot, free text text, a date/time as its hour, day of week and month (no hour for a
/// date without a time). Names are the columns' PascalCase, as the typed API names its properties
/// (<see cref="ApiGenerator.Pascal"/>), made unique and never the name of another column or of a pipeline column,
/// since a feature's name is a column of the pipeline that must not overwrite one a later feature reads.
/// </summary>
internal static class FeatureChoice
{
    private static readonly string[] PipelineColumns =
        [ModelPipeline.FeaturesColumn, ModelPipeline.PredictedValueColumn, LabelPreparation.LabelColumn, "PredictedLabel", "Score", "Probability"];

    /// <summary>The features, and the columns left out with the reason (a column without any value).</summary>
    public static (IReadOnlyList<ScaffoldFeature> Features, IReadOnlyList<string> LeftOut) For(TableSchema schema, string label)
    {
        var features = new List<ScaffoldFeature>();
        var leftOut = new List<string>();
        var taken = new HashSet<string>(PipelineColumns, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < schema.Columns.Count; i++)
        {
            ColumnSchema column = schema.Columns[i];
            if (column.Name == label)
            {
                continue;
            }
            if (column.Type == ColumnType.Categorical && column.Allowed is null)
            {
                leftOut.Add($"{Visible.Quote(column.Name)} has no values");
                continue;
            }
            string baseName = ApiGenerator.Pascal(column.Name) is { Length: > 0 } pascal ? pascal : $"Column{i + 1}";
            foreach ((string suffix, string? derive, string? encode) in Parts(column))
            {
                string name = Unique(baseName + suffix, column.Name, schema, taken);
                features.Add(new ScaffoldFeature(name, column.Name, derive, encode));
            }
        }
        return (features, leftOut);
    }

    private static IEnumerable<(string Suffix, string? Derive, string? Encode)> Parts(ColumnSchema column) => column.Type switch
    {
        ColumnType.Categorical => [("", null, "one-hot")],
        ColumnType.Text => [("", null, "text")],
        ColumnType.DateTime when column.Format == "yyyy-MM-dd" => [("DayOfWeek", "day-of-week", null), ("Month", "month", null)],
        ColumnType.DateTime => [("Hour", "hour", null), ("DayOfWeek", "day-of-week", null), ("Month", "month", null)],
        _ => [("", null, null)],
    };

    // Unique among features and pipeline columns (ignoring case, so two names never differ by case alone), and
    // not the name of another data column: a feature named like its own source replaces it, which is harmless.
    private static string Unique(string wanted, string source, TableSchema schema, HashSet<string> taken)
    {
        string name = wanted;
        for (int n = 2; taken.Contains(name) || schema.Columns.Any(c => c.Name != source && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)); n++)
        {
            name = wanted + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        taken.Add(name);
        return name;
    }
}
