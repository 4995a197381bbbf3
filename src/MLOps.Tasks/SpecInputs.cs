using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;

namespace MLOps.Tasks;

/// <summary>The spec and its schema, loaded and cross-checked: what every data and training step starts from.</summary>
internal static class SpecInputs
{
    public static (ModelSpec Spec, TableSchema Schema)? Load(string specFile, DiagnosticBag bag)
    {
        if (SpecLoader.Load(specFile, bag) is not { } spec || SchemaFile.Load(spec.Data.SchemaPath, bag) is not { } schema)
        {
            return null;
        }

        SpecSchemaCheck.Check(spec, schema, bag);
        return bag.HasErrors ? null : (spec, schema);
    }
}
