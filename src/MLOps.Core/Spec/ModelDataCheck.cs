using MLOps.Core.Diagnostics;
using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Spec;

namespace MLOps.Core.Spec;

/// <summary>
/// Everything checked before training, in one place for the build and the CLI: the spec, the spec
/// against its schema, and every row of the data against the schema. The data is checked even when the
/// spec does not fit the schema: the two are independent, and the user gets every problem at once.
/// </summary>
public static class ModelDataCheck
{
    /// <summary>Checks everything and profiles the data in the same pass; the profile is null when the data could not be read.</summary>
    /// <param name="environment">The validation environment (training or serving): columns of other environments are not checked.</param>
    /// <param name="dataPath">Other data to check against the spec's schema (a new batch); default: the spec's data.</param>
    public static (ModelSpec? Spec, ValidationReport? Report, DataProfile? Profile) Run(
        string specPath, DiagnosticBag bag, string environment = TableSchema.DefaultEnvironment, string? dataPath = null)
    {
        if (!IsKnown(environment, bag))
        {
            return (null, null, null);
        }
        ModelSpec? spec = SpecLoader.Load(specPath, bag);
        if (spec is null || SchemaFile.Load(spec.Data.SchemaPath, bag) is not { } schema)
        {
            return (spec, null, null);
        }

        SpecSchemaCheck.Check(spec, schema, bag);
        var (report, profile) = ValidateAndProfile(dataPath ?? spec.Data.Path, schema, bag, environment, spec.Label.Column);
        if (dataPath is null && spec.Split.TestData is { } testData)
        {
            CheckTestData(spec, testData, schema, bag, environment);
        }

        return (spec, report, profile);
    }

    // The test rows judge the model: they must satisfy the schema as the training rows do. They are not profiled
    // (the profile is the training data's, the drift baseline).
    private static void CheckTestData(ModelSpec spec, string testData, TableSchema schema, DiagnosticBag bag, string environment)
    {
        int before = bag.Count(d => d.Severity == Severity.Error);
        ValidationReport report = DataValidator.Validate(testData, schema, bag, environment: environment, label: spec.Label.Column);
        int problems = bag.Count(d => d.Severity == Severity.Error) - before;
        if (problems > 0)
        {
            bag.Error(Codes.TestDataInvalid, $"The test data {Visible.Quote(testData)} (split.test-data) does not satisfy the schema {Visible.Quote(schema.SourcePath)}: {problems} problem(s) above, in {report.RowsRead:N0} rows read. Fix the test data or the schema; the model is not trained or judged on rows the schema rejects.", spec.SourcePath, spec.Split.Line);
        }
    }

    /// <summary>Checks data against a schema without a spec (a new export, a day of serving logs), profiling it in the same pass.</summary>
    public static (ValidationReport? Report, DataProfile? Profile) RunData(
        string dataPath, string schemaPath, DiagnosticBag bag, string environment = TableSchema.DefaultEnvironment) =>
        IsKnown(environment, bag) && SchemaFile.Load(schemaPath, bag) is { } schema
            ? ValidateAndProfile(dataPath, schema, bag, environment)
            : (null, null);

    private static (ValidationReport, DataProfile) ValidateAndProfile(string dataPath, TableSchema schema, DiagnosticBag bag, string environment, string? label = null)
    {
        var profiler = new TableProfiler(schema);
        ValidationReport report = DataValidator.Validate(dataPath, schema, bag, profiler: profiler, environment: environment, label: label);
        return (report, profiler.Finish(report.RowsRead));
    }

    private static bool IsKnown(string environment, DiagnosticBag bag)
    {
        if (TableSchema.KnownEnvironments.Contains(environment))
        {
            return true;
        }
        bag.Error(Codes.EnvironmentUnknown, $"the validation environment {Visible.Quote(environment)} is unknown. Valid values are {string.Join(", ", TableSchema.KnownEnvironments)}.");
        return false;
    }
}
