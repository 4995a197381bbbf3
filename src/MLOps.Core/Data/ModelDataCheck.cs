using MLOps.Core.Diagnostics;
using MLOps.Core.Profiling;
using MLOps.Core.Spec;

namespace MLOps.Core.Data;

/// <summary>
/// Everything checked before training, in one place for the build and the CLI: the spec, the spec
/// against its schema, and every row of the data against the schema. The data is checked even when the
/// spec does not fit the schema: the two are independent, and the user gets every problem at once.
/// </summary>
public static class ModelDataCheck
{
    /// <summary>Checks everything and profiles the data in the same pass; the profile is null when the data could not be read.</summary>
    /// <param name="environment">The validation environment (training or serving): columns of other environments are not checked.</param>
    public static (ModelSpec? Spec, ValidationReport? Report, DataProfile? Profile) Run(string specPath, DiagnosticBag bag, string environment = TableSchema.DefaultEnvironment)
    {
        if (!TableSchema.KnownEnvironments.Contains(environment))
        {
            bag.Error(Codes.EnvironmentUnknown, $"the validation environment '{environment}' is unknown. Valid values are {string.Join(", ", TableSchema.KnownEnvironments)}.");
            return (null, null, null);
        }

        ModelSpec? spec = SpecLoader.Load(specPath, bag);
        if (spec is null || SchemaFile.Load(spec.Data.SchemaPath, bag) is not { } schema)
        {
            return (spec, null, null);
        }

        SpecSchemaCheck.Check(spec, schema, bag);
        var profiler = new TableProfiler(schema);
        ValidationReport report = DataValidator.Validate(spec.Data.Path, schema, bag, profiler: profiler, environment: environment);
        return (spec, report, profiler.Finish(report.RowsRead));
    }
}
