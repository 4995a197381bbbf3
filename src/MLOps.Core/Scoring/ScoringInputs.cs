using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Scoring;

/// <summary>
/// What batch scoring reads from the data: the columns the model reads (its saved input schema) that the schema declares for
/// serving, typed as training loaded them, and the key columns copied to the predictions file. A column of the model's input
/// that is training-only in the schema (the label) is not read: serving data does not have it, and the model does not use it.
/// </summary>
public sealed record ScoringInputs(IReadOnlyList<ColumnSchema> ModelColumns, IReadOnlyList<(string Header, string ViewColumn)> KeyColumns)
{
    /// <summary>The view column that carries a key column's text (a key may also be a model input, with another type).</summary>
    public static string KeyColumnName(string column) => $"__key.{column}";

    /// <summary>
    /// Matches the model's input schema with the data schema; a column the model reads that the schema lacks or types otherwise
    /// is <see cref="Codes.ScoringModelSchemaMismatch"/>. Key columns: the schema's <c>unique</c> key, then <paramref name="include"/>.
    /// </summary>
    public static ScoringInputs? Match(DataViewSchema modelInput, TableSchema schema, IReadOnlyList<string> include, string environment, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(modelInput);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(bag);
        int before = bag.Count;
        var columns = new List<ColumnSchema>();
        foreach (DataViewSchema.Column column in modelInput.Where(c => !c.IsHidden))
        {
            ColumnSchema? declared = schema.Find(column.Name);
            if (declared is null)
            {
                bag.Error(Codes.ScoringModelSchemaMismatch, $"The model reads column {Visible.Quote(column.Name)}, which its schema does not declare. The model and schema.json come from different builds: use the folder or package the pipeline made, whole.", schema.SourcePath);
            }
            else if (!declared.AppliesIn(environment))
            {
                continue; // The label: training-only, so not in serving data, and not read by the saved model.
            }
            else if (!SameType(declared.Type, column.Type))
            {
                bag.Error(Codes.ScoringModelSchemaMismatch, $"The model reads column {Visible.Quote(column.Name)} as {column.Type}, but the schema declares it {declared.Type.ToString().ToLowerInvariant()}. The model and schema.json come from different builds: use the folder or package the pipeline made, whole.", schema.SourcePath);
            }
            else
            {
                columns.Add(declared);
            }
        }

        var keys = new List<(string, string)>();
        foreach (string name in (schema.Unique ?? []).Concat(include).Distinct(StringComparer.Ordinal))
        {
            if (schema.Find(name) is null)
            {
                bag.Error(Codes.ScoringIncludeUnknown, $"--include names column {Visible.Quote(name)}, which the schema does not declare. Columns: {string.Join(", ", schema.Columns.Select(c => c.Name))}.", schema.SourcePath);
                continue;
            }
            keys.Add((name, KeyColumnName(name)));
        }

        return bag.Count > before ? null : new ScoringInputs(columns, keys);
    }

    private static bool SameType(ColumnType declared, DataViewType model) => declared switch
    {
        ColumnType.Integer or ColumnType.Float => model == NumberDataViewType.Single,
        ColumnType.DateTime => model is DateTimeDataViewType,
        ColumnType.Boolean => model is BooleanDataViewType,
        _ => model is TextDataViewType,
    };
}
