using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data.Inference;

public sealed class SchemaInferenceErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("", "no header row")]
    [InlineData("a,b\n", "a header but no data rows")]
    [InlineData("\n\n", "no header row")]
    public void Should_report_MLOPS1004_and_infer_nothing_When_the_file_has_no_data_rows(string content, string said)
    {
        // Given an empty or header-only file
        string path = CsvFile(content);

        // When a schema is inferred
        TableSchema? schema = Infer(path);

        // Then there is no schema and the file is said to be empty
        Diagnostic error = AssertNoSchemaAndOneDiagnostic(schema);
        Assert.Equal((Codes.DataFileEmpty, path), (error.Code, error.File));
        Assert.Contains(said, error.Message);
    }

    [Fact]
    public void Should_report_MLOPS1003_When_the_data_file_does_not_exist()
    {
        // Given a path with no file
        string path = _temp.PathOf("missing.csv");

        // When a schema is inferred
        TableSchema? schema = Infer(path);

        // Then the file is reported missing, with no exception
        Diagnostic error = AssertNoSchemaAndOneDiagnostic(schema);
        Assert.Equal((Codes.DataFileMissing, path), (error.Code, error.File));
    }

    [Fact]
    public void Should_report_MLOPS1011_with_the_line_When_a_row_is_ragged()
    {
        // Given a row with an extra field on line 3
        string path = CsvFile("a,b\n1,2\n3,4,5\n6,7\n");

        // When a schema is inferred
        TableSchema? schema = Infer(path);

        // Then the row is reported where it is, and no schema is returned from broken data
        Diagnostic error = AssertNoSchemaAndOneDiagnostic(schema);
        Assert.Equal((Codes.RowFieldCountMismatch, 3), (error.Code, error.Line));
    }

    [Fact]
    public void Should_report_MLOPS1012_When_a_quote_is_never_closed()
    {
        // Given a quoted field left open
        string path = CsvFile("a,b\n1,\"x\n2,y\n");

        // When a schema is inferred
        TableSchema? schema = Infer(path);

        // Then the reader's diagnostic stands alone
        Assert.Null(schema);
        Assert.Equal([Codes.UnterminatedQuote], _bag.Select(d => d.Code));
    }

    [Fact]
    public void Should_report_MLOPS1016_at_the_header_column_When_a_name_is_repeated()
    {
        // Given a header naming 'a' twice
        string path = CsvFile("a,b,a\n1,2,3\n");

        // When a schema is inferred
        TableSchema? schema = Infer(path);

        // Then the second 'a' is reported: a schema could not say which column it means
        Diagnostic error = AssertNoSchemaAndOneDiagnostic(schema);
        Assert.Equal((Codes.HeaderDuplicateColumn, 1, 3), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Should_warn_MLOPS1050_and_leave_the_column_out_When_a_header_column_has_no_name()
    {
        // Given an unnamed first column, as pandas writes its index
        string path = CsvFile(",a\n0,x\n1,y\n");

        // When a schema is inferred
        TableSchema? schema = Infer(path);

        // Then the named column is inferred and the unnamed one left out with a warning
        Diagnostic warning = Assert.Single(_bag);
        Assert.Equal((Codes.HeaderColumnUnnamed, Severity.Warning, 1, 1), (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.Equal(["a"], schema!.Columns.Select(c => c.Name));
        Assert.Equal(["x", "y"], schema.Columns[0].Allowed);
    }

    /// <summary>Writes <paramref name="content"/> to a CSV file in the temp folder and returns its path.</summary>
    private string CsvFile(string content) => _temp.Write("d.csv", content);

    /// <summary>Infers a schema from the file, collecting diagnostics in the bag.</summary>
    private TableSchema? Infer(string path) => SchemaInference.Infer(path, _bag);

    /// <summary>Asserts inference gave no schema and exactly one diagnostic, and returns that diagnostic.</summary>
    private Diagnostic AssertNoSchemaAndOneDiagnostic(TableSchema? schema)
    {
        Assert.Null(schema);
        return Assert.Single(_bag);
    }
}
