using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Spec;

/// <summary>
/// The checks of the <c>drift:</c> and <c>retrain:</c> sections that need the schema: a drift.columns entry names a
/// column the drift check compares, and retrain.window.by is a datetime column.
/// </summary>
internal static class DriftSpecCheck
{
    public static void Check(ModelSpec spec, TableSchema schema, DiagnosticBag bag)
    {
        if (spec.Drift is { } drift)
        {
            IReadOnlyList<string> compared = ComparedColumns(spec, schema);
            foreach (DriftColumnSpec column in drift.Columns.Where(c => !compared.Contains(c.Column, StringComparer.Ordinal)))
            {
                bag.Error(Codes.DriftColumnUnknown, $"drift.columns names {Visible.Quote(column.Column)}, which the drift check does not compare. It compares: {Visible.List(compared)}.", spec.SourcePath, column.Line);
            }
        }

        if (spec.Retrain is { } retrain && schema.Find(retrain.Window.By) is not { Type: ColumnType.DateTime })
        {
            ColumnSchema? column = schema.Find(retrain.Window.By);
            var datetimes = schema.Columns.Where(c => c.Type == ColumnType.DateTime).Select(c => c.Name).ToList();
            bag.Error(Codes.RetrainColumnInvalid, $"retrain.window.by {Visible.Quote(retrain.Window.By)} {(column is null ? "is not in the schema" : $"is {column.Type.ToString().ToLowerInvariant()}")}; the window is counted back in time, so it needs a datetime column. "
                + (datetimes.Count > 0 ? $"The schema's datetime columns are: {Visible.List(datetimes)}." : "The schema has none."), spec.SourcePath, retrain.Line);
        }
    }

    /// <summary>
    /// The columns the drift check compares for this model (docs/monitoring.md): each model input, a datetime as its
    /// hour, day of week and month, and the prediction's main output.
    /// </summary>
    public static IReadOnlyList<string> ComparedColumns(ModelSpec spec, TableSchema schema)
    {
        var names = new List<string>();
        foreach (string source in spec.Features.Select(f => f.Source).Distinct(StringComparer.Ordinal))
        {
            if (schema.Find(source) is { Type: ColumnType.DateTime })
            {
                names.AddRange([$"{source}.hour", $"{source}.day_of_week", $"{source}.month"]);
            }
            else
            {
                names.Add(source);
            }
        }

        names.Add(spec.Task switch
        {
            TaskType.BinaryClassification => "prediction.Probability",
            TaskType.Regression => "prediction.Score",
            _ => "prediction.PredictedLabel",
        });
        return names;
    }
}
