using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Spec;

public sealed class SplitSpecTests
{
    /// <summary>The flights spec with its split section replaced by <paramref name="body"/> (lines indented two spaces).</summary>
    internal static string WithSplit(string body, string spec = "") =>
        (spec.Length > 0 ? spec : TestModels.FlightsSpec()).Replace("split:\n  test-fraction: 0.25\n  seed: 3\n", "split:\n" + body, StringComparison.Ordinal);

    [Fact]
    public void Should_read_a_validation_fraction_When_the_random_split_has_one()
    {
        // Given a random split with a validation fraction
        using var dir = Folder();

        // When it is loaded
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(dir.Write("model.yaml", WithSplit("  test-fraction: 0.2\n  validation-fraction: 0.1\n  seed: 5\n")), bag);

        // Then the split is random with a validation split
        Assert.Empty(bag);
        Assert.Equal((SplitKind.Random, 0.2, 0.1, 5, true), (spec!.Split.Kind, spec.Split.TestFraction, spec.Split.ValidationFraction, spec.Split.Seed, spec.Split.HasValidation));
    }

    [Fact]
    public void Should_read_both_instants_When_the_split_is_by_time()
    {
        // Given a time split on the date column
        using var dir = Folder();

        // When it is loaded
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(dir.Write("model.yaml", WithSplit("  by: date\n  test-from: 2001-02-15\n  validation-from: 2001-02-01T06:30\n")), bag);

        // Then the column and instants are read as written
        Assert.Empty(bag);
        Assert.Equal((SplitKind.Time, "date", new DateTime(2001, 2, 15), new DateTime(2001, 2, 1, 6, 30, 0)),
            (spec!.Split.Kind, spec.Split.By, spec.Split.TestFrom, spec.Split.ValidationFrom));
    }

    [Fact]
    public void Should_resolve_the_test_data_against_the_spec_folder_When_the_split_names_a_file()
    {
        // Given a test file beside the spec
        using var dir = Folder();
        dir.Write("march.csv", TestModels.FlightsCsv(10));

        // When it is loaded
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(dir.Write("model.yaml", WithSplit("  test-data: march.csv\n")), bag);

        // Then the path is absolute and the kind is file
        Assert.Empty(bag);
        Assert.Equal((SplitKind.File, dir.PathOf("march.csv")), (spec!.Split.Kind, spec.Split.TestData));
    }

    [Theory]
    [InlineData("  by: date\n  test-from: 2001-02-15\n  test-fraction: 0.2\n", "MLOPS0050", 22)]
    [InlineData("  test-data: flights.csv\n  validation-from: 2001-02-01\n", "MLOPS0050", 21)]
    [InlineData("  by: date\n  test-from: mid-february\n", "MLOPS0051", 21)]
    [InlineData("  by: date\n  test-from: 2001-02-15\n  validation-from: 2001-02-20\n", "MLOPS0052", 22)]
    [InlineData("  test-fraction: 0.2\n  validation-fraction: 0.8\n", "MLOPS0054", 21)]
    [InlineData("  test-fraction: 0.2\n  validation-fraction: 0\n", "MLOPS0054", 21)]
    [InlineData("  test-data: march.csv\n", "MLOPS0017", 20)]
    [InlineData("  by: date\n", "MLOPS0003", 20)]
    public void Should_report_the_code_and_line_When_the_split_is_wrong(string body, string code, int line)
    {
        // Given a spec whose split is wrong in one way
        using var dir = Folder();
        string path = dir.Write("model.yaml", WithSplit(body));

        // When it is loaded
        var bag = new DiagnosticBag();
        SpecLoader.Load(path, bag);

        // Then the code names the spec and the line of the offending key
        Diagnostic d = Assert.Single(bag, d => d.Code == code);
        Assert.Equal((path, line), (d.File, d.Line));
    }

    [Theory]
    [InlineData("distance", "is integer")]
    [InlineData("departed", "is not in the schema")]
    public void Should_report_MLOPS0053_When_split_by_is_not_a_datetime_column(string column, string found)
    {
        // Given a time split on a column that is not a datetime of the schema
        using var dir = Folder();
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(dir.Write("model.yaml", WithSplit($"  by: {column}\n  test-from: 2001-02-15\n")), bag)!;
        TableSchema schema = SchemaFile.Load(dir.PathOf("schema.json"), bag)!;

        // When the spec is checked against the schema
        SpecSchemaCheck.Check(spec, schema, bag);

        // Then MLOPS0053 says what the column is and names the datetime columns
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(("MLOPS0053", 20), (d.Code, d.Line));
        Assert.Contains(found, d.Message, StringComparison.Ordinal);
        Assert.Contains("Its datetime columns are: date.", d.Message, StringComparison.Ordinal);
    }

    private static TempFolder Folder()
    {
        var dir = new TempFolder("mlops-split");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        return dir;
    }
}
