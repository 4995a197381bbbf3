using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Data.Constraints;

public sealed class ConstraintTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    private static TableSchema Schema(params ColumnSchema[] columns) => new(columns, "schema.json");

    private (string Code, int Line, int Column, Severity Severity)[] Found() =>
        [.. _bag.Select(d => (d.Code, d.Line, d.Column, d.Severity))];

    [Fact]
    public void Should_report_MLOPS1060_at_the_line_When_a_value_does_not_match_the_pattern_in_full()
    {
        // Given a code column that must be three capitals, and a value with a fourth letter (a partial match)
        string path = _temp.Write("d.csv", "id,code\n1,ATL\n2,ATLX\n3,atl\n");
        TableSchema schema = Schema(new ColumnSchema("id", ColumnType.Integer), new ColumnSchema("code", ColumnType.Categorical, Pattern: "[A-Z]{3}"));

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, schema, _bag);

        // Then both bad values are reported at their line and field
        Assert.Equal([(Codes.ValueNotMatchingPattern, 3, 2, Severity.Error), (Codes.ValueNotMatchingPattern, 4, 2, Severity.Error)], Found());
        Assert.Equal(2L, report.ErrorsByCode[Codes.ValueNotMatchingPattern]);
    }

    [Fact]
    public void Should_report_MLOPS1061_When_a_value_is_longer_than_max_length()
    {
        // Given a note of at most 4 characters, and one of 5
        string path = _temp.Write("d.csv", "note\nabcd\nabcde\n");

        // When it is validated
        DataValidator.Validate(path, Schema(new ColumnSchema("note", ColumnType.Text, MaxLength: 4)), _bag);

        // Then the long value is reported
        Assert.Equal([(Codes.ValueTooLong, 3, 1, Severity.Error)], Found());
    }

    [Fact]
    public void Should_report_MLOPS1062_once_at_the_end_When_more_values_are_empty_than_max_null_fraction()
    {
        // Given a nullable column empty in 2 of 4 rows, allowed at most a quarter
        string path = _temp.Write("d.csv", "id,note\n1,a\n2,\n3,\n4,b\n");
        var schema = Schema(new ColumnSchema("id", ColumnType.Integer), new ColumnSchema("note", ColumnType.Text, Nullable: true, MaxNullFraction: 0.25));

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, schema, _bag);

        // Then one diagnostic for the file says so, and the report counts the empty rows
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.TooManyNulls, 0), (d.Code, d.Line));
        Assert.Contains("2 of 4 rows (50%)", d.Message);
        CheckResult check = Assert.Single(report.Checks);
        Assert.Equal(("note", "max_null_fraction", 2L, 0.5), (check.Column, check.Check, check.FailingRows, check.Fraction));
    }

    [Fact]
    public void Should_accept_empty_values_When_their_fraction_is_within_max_null_fraction()
    {
        // Given a nullable column empty in 1 of 4 rows, allowed a quarter
        string path = _temp.Write("d.csv", "id,note\n1,a\n2,\n3,c\n4,b\n");
        var schema = Schema(new ColumnSchema("id", ColumnType.Integer), new ColumnSchema("note", ColumnType.Text, Nullable: true, MaxNullFraction: 0.25));

        // When it is validated
        DataValidator.Validate(path, schema, _bag);

        // Then nothing is reported
        Assert.Empty(_bag);
    }

    [Fact]
    public void Should_report_nothing_When_a_column_that_is_not_required_is_absent()
    {
        // Given a schema with an optional column the data does not have
        string path = _temp.Write("d.csv", "id\n1\n");

        // When it is validated
        DataValidator.Validate(path, Schema(new ColumnSchema("id", ColumnType.Integer), new ColumnSchema("extra", ColumnType.Integer, Required: false)), _bag);

        // Then nothing is reported
        Assert.Empty(_bag);
    }

    [Fact]
    public void Should_check_a_column_that_is_not_required_When_it_is_present()
    {
        // Given an optional integer column holding text
        string path = _temp.Write("d.csv", "id,extra\n1,x\n");

        // When it is validated
        DataValidator.Validate(path, Schema(new ColumnSchema("id", ColumnType.Integer), new ColumnSchema("extra", ColumnType.Integer, Required: false)), _bag);

        // Then the bad value is reported
        Assert.Equal([(Codes.ValueNotParsable, 2, 2, Severity.Error)], Found());
    }

    [Theory]
    [InlineData(3L, null)]
    [InlineData(null, 1L)]
    [InlineData(3L, 4L)]
    public void Should_report_MLOPS1063_When_the_row_count_is_outside_rows(long? min, long? max)
    {
        // Given two rows and a range that excludes two
        string path = _temp.Write("d.csv", "id\n1\n2\n");
        TableSchema schema = Schema(new ColumnSchema("id", ColumnType.Integer)) with { Rows = new RowCountRange(min, max) };

        // When it is validated
        DataValidator.Validate(path, schema, _bag);

        // Then the file gets one MLOPS1063
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.RowCountOutOfRange, 0), (d.Code, d.Line));
        Assert.StartsWith("the data has 2 rows", d.Message);
    }

    [Fact]
    public void Should_report_nothing_When_the_row_count_is_within_rows()
    {
        // Given two rows and a range of 2 to 2
        string path = _temp.Write("d.csv", "id\n1\n2\n");

        // When it is validated
        DataValidator.Validate(path, Schema(new ColumnSchema("id", ColumnType.Integer)) with { Rows = new RowCountRange(2, 2) }, _bag);

        // Then nothing is reported
        Assert.Empty(_bag);
    }

    [Fact]
    public void Should_report_MLOPS1064_at_the_later_row_When_two_rows_share_the_unique_key()
    {
        // Given a two-column key, with rows differing in one key column only, a repeat, and keys that would collide if concatenated
        string path = _temp.Write("d.csv", "a,b,x\nab,c,1\nab,d,2\nab,c,3\na,bc,4\n");
        TableSchema schema = Schema(new ColumnSchema("a", ColumnType.Categorical), new ColumnSchema("b", ColumnType.Categorical), new ColumnSchema("x", ColumnType.Integer))
            with { Unique = ["a", "b"] };

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, schema, _bag);

        // Then only the repeat is reported, at its line, with its key
        Assert.Equal([(Codes.DuplicateKey, 4, 0, Severity.Error)], Found());
        CheckResult check = Assert.Single(report.Checks);
        Assert.Equal(("a,b", "unique", 1L), (check.Column, check.Check, check.FailingRows));
        Assert.Equal(new ViolationExample(4, "'ab', 'c'"), Assert.Single(check.Examples));
    }

    [Fact]
    public void Should_require_and_check_a_training_column_When_validating_for_training()
    {
        // Given a label declared for training only, and data without it
        string path = _temp.Write("d.csv", "id\n1\n");
        TableSchema schema = Schema(new ColumnSchema("id", ColumnType.Integer), new ColumnSchema("label", ColumnType.Boolean, Environments: ["training"]));

        // When it is validated for training (the default)
        DataValidator.Validate(path, schema, _bag);

        // Then the label is missing
        Assert.Equal([(Codes.HeaderMissingColumn, 1, 0, Severity.Error)], Found());
    }

    [Fact]
    public void Should_neither_require_nor_check_a_training_column_When_validating_for_serving()
    {
        // Given a label declared for training only: absent from one file, holding junk in another
        string absent = _temp.Write("absent.csv", "id\n1\n");
        string junk = _temp.Write("junk.csv", "id,label\n1,maybe\n");
        TableSchema schema = Schema(new ColumnSchema("id", ColumnType.Integer), new ColumnSchema("label", ColumnType.Boolean, Environments: ["training"]));

        // When both are validated for serving
        DataValidator.Validate(absent, schema, _bag, environment: "serving");
        DataValidator.Validate(junk, schema, _bag, environment: "serving");

        // Then nothing is reported
        Assert.Empty(_bag);
    }
}
