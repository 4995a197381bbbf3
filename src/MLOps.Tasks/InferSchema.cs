using Microsoft.Build.Framework;
using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace MLOps.Tasks;

/// <summary>Infers a schema from a data file and writes it in the schema file format, for a user to review and commit.</summary>
public sealed class InferSchema : MLOpsTask
{
    [Required]
    public string DataFile { get; set; } = "";

    [Required]
    public string SchemaFile { get; set; } = "";

    public int MaxCategories { get; set; } = InferenceOptions.DefaultMaxCategories;

    /// <summary>The label column, marked training-only in the schema; empty: none.</summary>
    public string Label { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        TableSchema? schema = SchemaInference.Infer(DataFile, bag, new InferenceOptions(Math.Max(MaxCategories, 0)) { Label = Label.Length == 0 ? null : Label });
        if (schema is not null)
        {
            SchemaWriter.Write(SchemaFile, schema);
            Progress($"{SchemaFile}: {schema.Columns.Count} column(s) inferred from {DataFile}. Review it (ranges are the observed ones) before committing it.");
        }
    }
}
