using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tests.Data.Constraints;
using MLOps.Core.Tests.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Runtime.Inputs;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Serving;

/// <summary>
/// The runtime reads schema.json with a reader of its own (a service must not carry MLOps.Core). These tests hold it
/// to Core's reader: the same columns with the same row rules, for every schema the repository ships and every schema
/// fixture of the tests.
/// </summary>
public sealed class InputSchemaParityTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The schemas under data/ and models/, and the tests' schema texts (each setting a row can break appears in one).</summary>
    public static TheoryData<string> Schemas()
    {
        string root = SpecLoaderTests.RepoRoot();
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "data", "models" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(root, folder), "*schema.json", SearchOption.AllDirectories))
            {
                data.Add(Path.GetRelativePath(root, file));
            }
        }
        foreach (string fixture in Fixtures.Keys)
        {
            data.Add(fixture);
        }
        return data;
    }

    private static readonly Dictionary<string, string> Fixtures = new()
    {
        ["fixture:flights"] = TestModels.FlightsSchema,
        ["fixture:iris"] = TestModels.IrisSchema,
        ["fixture:houses"] = TestModels.HousesSchema,
        ["fixture:feedback"] = TextTestModels.FeedbackSchema,
        ["fixture:constraints"] = SchemaConstraintsFileTests.Full,
        ["fixture:every-row-rule"] = """
            {
              "columns": [
                { "name": "when", "type": "datetime", "format": "dd/MM/yyyy", "environments": ["training", "serving"] },
                { "name": "n", "type": "integer", "nullable": true, "min": { "value": -3, "mostly": 0.9 }, "max": 7.5 },
                { "name": "x", "type": "float", "required": false, "min": -1e-3 },
                { "name": "flag", "type": "Boolean" },
                { "name": "code", "type": "categorical", "allowed": { "value": ["a", "b"], "mostly": 0.5 }, "pattern": "[ab]", "max_length": 1 },
                { "name": "note", "type": "text", "max_length": { "value": 40, "mostly": 0.99 }, "environments": ["serving"] }
              ]
            }
            """,
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Should_read_the_same_row_rules_as_Core_When_the_runtime_reads_a_schema(string schema)
    {
        // Given a schema file Core accepts
        string path = Fixtures.TryGetValue(schema, out string? text)
            ? _temp.Write($"{schema[8..]}.schema.json", text)
            : Path.Combine(SpecLoaderTests.RepoRoot(), schema);
        var bag = new DiagnosticBag();
        TableSchema core = SchemaFile.Load(path, bag) ?? throw new InvalidOperationException(string.Join("\n", bag));

        // When the runtime reads it
        InputSchema runtime = InputSchema.Load(path);

        // Then every column has the same name, type and row rules, in the same order
        Assert.Equal(core.Columns.Select(Rules), runtime.Columns.Select(Rules));
    }

    private static string Rules(ColumnSchema c) =>
        Describe(c.Name, c.Type.ToString(), c.Nullable, c.Required, c.Min, c.Max, c.Allowed, c.Format, c.Pattern, c.MaxLength, c.Environments);

    private static string Rules(InputColumn c) =>
        Describe(c.Name, c.Type.ToString(), c.Nullable, c.Required, c.Min, c.Max, c.Allowed, c.Format, c.Pattern, c.MaxLength, c.Environments);

    private static string Describe(string name, string type, bool nullable, bool required, double? min, double? max, IReadOnlyList<string>? allowed,
        string? format, string? pattern, int? maxLength, IReadOnlyList<string>? environments) =>
        FormattableString.Invariant($"{name}|{type}|nullable={nullable}|required={required}|min={min:R}|max={max:R}|allowed={Join(allowed)}|format={format}|pattern={pattern}|max_length={maxLength}|environments={Join(environments)}");

    private static string Join(IReadOnlyList<string>? values) => values is null ? "(none)" : string.Join(",", values);
}
