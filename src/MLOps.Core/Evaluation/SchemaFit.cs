using Microsoft.ML;

namespace MLOps.Core.Evaluation;

/// <summary>Says why a saved model's input schema does not fit a set of rows: the columns it reads that are missing or of another type.</summary>
internal static class SchemaFit
{
    /// <summary>The misfits in one sentence, or null when every input column is there with its type.</summary>
    public static string? Explain(DataViewSchema modelInput, DataViewSchema rows)
    {
        var problems = new List<string>();
        foreach (DataViewSchema.Column column in modelInput.Where(c => !c.IsHidden))
        {
            if (rows.GetColumnOrNull(column.Name) is not { } found)
            {
                problems.Add($"column '{column.Name}' ({column.Type}) is not in the test rows");
            }
            else if (!found.Type.Equals(column.Type))
            {
                problems.Add($"column '{column.Name}' is {column.Type} in the champion's input schema but {found.Type} in the test rows");
            }
        }

        return problems.Count == 0 ? null : $"its input schema no longer fits the test rows: {string.Join("; ", problems)}";
    }
}
