using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Data;

public sealed class DataValidatorTests : IDisposable
{
    private const string Header = "id,delay,score,ok,when,origin\n";

    private static readonly TableSchema Schema = new(
    [
        new ColumnSchema("id", ColumnType.Integer),
        new ColumnSchema("delay", ColumnType.Integer, Min: -10, Max: 100),
        new ColumnSchema("score", ColumnType.Float, Nullable: true),
        new ColumnSchema("ok", ColumnType.Boolean),
        new ColumnSchema("when", ColumnType.DateTime, Format: "yyyy-MM-dd HH:mm"),
        new ColumnSchema("origin", ColumnType.Categorical, Allowed: ["ATL", "SFO", "A,B"]),
    ], "schema.json");

    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_find_no_errors_When_validating_the_shipped_flights_data()
    {
        // Given the flights data and schema the repository ships
        TableSchema schema = SchemaFile.Load(SchemaFileTests.RepoFile("data/flights/schema.json"), _bag)!;

        // When the data is validated
        ValidationReport report = DataValidator.Validate(SchemaFileTests.RepoFile("data/flights/flights.csv"), schema, _bag);

        // Then every row is read and nothing is reported
        Assert.Empty(_bag);
        Assert.Equal((96_641L, 0L, true), (report.RowsRead, report.ErrorCount, report.IsValid));
    }

    [Fact]
    public void Should_report_MLOPS1005_showing_the_stray_carriage_return_When_header_lines_end_in_CR_CR_LF()
    {
        // Given a CSV whose lines end in \r\r\n, so the last header field is "origin\r"
        string path = _temp.Write("d.csv", "id,delay,score,ok,when,origin\r\r\n1,5,0.5,true,2001-01-01 06:00,ATL\r\r\n");

        // When it is validated
        DataValidator.Validate(path, Schema, _bag);

        // Then the missing column's message shows the \r as a visible escape, on one line
        Diagnostic d = Assert.Single(_bag, d => d.Code == Codes.HeaderMissingColumn);
        Assert.Contains(@"The header has: id, delay, score, ok, when, origin\r.", d.Message);
        Assert.Contains(@"Header column 'origin\r' differs from it only by invisible characters", d.Message);
        Assert.DoesNotContain('\r', d.Message);
        Assert.DoesNotContain('\n', d.Message);
    }

    [Fact]
    public void Should_accept_every_valid_spelling_When_values_are_well_formed()
    {
        // Given quoted values, extra and reordered columns, exponents, TRUE/0 and an empty nullable value
        string path = _temp.Write("d.csv", "extra,origin,when,ok,score,delay,id\nz,\"A,B\",2001-01-01 06:00,TRUE,1.5e1,100,1\nz,ATL,2001-12-31 23:59,0,,-10,2\n");

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then nothing is reported
        Assert.Empty(_bag);
        Assert.Equal((2L, 0L), (report.RowsRead, report.ErrorCount));
    }

    [Fact]
    public void Should_report_each_bad_value_with_its_line_and_column_When_values_violate_the_schema()
    {
        // Given one violation of each kind per line, after a valid first row
        string path = _temp.Write("d.csv", Header +
            "1,5,0.5,true,2001-01-01 06:00,ATL\n" +     // line 2: valid
            "2,9999,0.5,true,2001-01-01 06:00,ATL\n" +  // line 3: above max
            "3,-50,0.5,true,2001-01-01 06:00,ATL\n" +   // line 4: below min
            "4,abc,0.5,true,2001-01-01 06:00,ATL\n" +   // line 5: not an integer
            "5,5,NaN,true,2001-01-01 06:00,ATL\n" +     // line 6: NaN is a number no float column holds
            "6,5,0.5,maybe,2001-01-01 06:00,ATL\n" +    // line 7: not a boolean
            "7,5,0.5,true,2001/01/01 06:00,ATL\n" +     // line 8: wrong date format
            "8,5,0.5,true,2001-01-01 06:00,XXX\n" +     // line 9: not allowed
            "9,,0.5,true,2001-01-01 06:00,ATL\n" +      // line 10: null in non-nullable
            "10,5,0.5,true\n" +                         // line 11: ragged
            "11,5,,1,2001-01-01 06:00,SFO\n");          // line 12: valid (score is nullable)

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then each violation has its own code, line and 1-based column, and the counts add up
        Assert.Equal(
            [
                (Codes.ValueAboveMaximum, 3, 2), (Codes.ValueBelowMinimum, 4, 2), (Codes.ValueNotParsable, 5, 2),
                (Codes.ValueOutOfTypeRange, 6, 3), (Codes.ValueNotParsable, 7, 4), (Codes.ValueNotParsable, 8, 5),
                (Codes.ValueNotAllowed, 9, 6), (Codes.ValueMissing, 10, 2), (Codes.RowFieldCountMismatch, 11, 0),
            ],
            _bag.Select(d => (d.Code, d.Line, d.Column)));
        Assert.All(_bag, d => Assert.Equal(path, d.File));
        Assert.Equal((11L, 9L, 3L), (report.RowsRead, report.ErrorCount, report.ErrorsByCode[Codes.ValueNotParsable]));
        Assert.Equal(
            $"{path}(3,2): error MLOPS1007: column 'delay' value '9999' is above the schema maximum 100 (schema: schema.json). Fix the data or widen the range in the schema.",
            _bag.First().ToString());
    }

    [Fact]
    public void Should_report_every_violation_and_summarize_the_rest_When_there_are_more_than_the_limit()
    {
        // Given 30 rows above the maximum and 25 with an unknown origin
        var rows = Enumerable.Range(1, 30).Select(i => $"{i},500,,true,2001-01-01 06:00,ATL")
            .Concat(Enumerable.Range(31, 25).Select(i => $"{i},5,,true,2001-01-01 06:00,LHR"));
        string path = _temp.Write("d.csv", Header + string.Join("\n", rows) + "\n");

        // When it is validated with a limit of 20 diagnostics
        ValidationReport report = DataValidator.Validate(path, Schema, _bag, maxDiagnostics: 20);

        // Then the first 20 are listed one by one, and each code gets one summary with its total
        Diagnostic[] listed = [.. _bag.Where(d => d.Line > 0)];
        Assert.Equal(20, listed.Length);
        Assert.Equal(Enumerable.Range(2, 20), listed.Select(d => d.Line));
        Diagnostic[] summaries = [.. _bag.Where(d => d.Line == 0)];
        Assert.Equal([Codes.ValueAboveMaximum, Codes.ValueNotAllowed], summaries.Select(d => d.Code));
        Assert.StartsWith("30 MLOPS1007 violations in total, 20 of them listed individually. By column: 'delay' 30.", summaries[0].Message);
        Assert.StartsWith("25 MLOPS1010 violations in total, 0 of them listed individually. By column: 'origin' 25.", summaries[1].Message);
        Assert.Equal((55L, 30L, 25L), (report.ErrorCount, report.ErrorsByColumn["delay"], report.ErrorsByColumn["origin"]));
    }

    [Fact]
    public void Should_report_MLOPS1005_for_each_missing_column_When_the_header_lacks_schema_columns()
    {
        // Given a header without "ok" and "origin", and three rows
        string path = _temp.Write("d.csv", "id,delay,score,when\n1,5,,2001-01-01 06:00\n2,5,,2001-01-01 06:00\n3,5,,2001-01-01 06:00\n");

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then each missing column is reported on the header line, and the other columns are still checked
        Assert.Equal([(Codes.HeaderMissingColumn, 1, 0), (Codes.HeaderMissingColumn, 1, 0)], _bag.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Contains("'ok'", _bag.First().Message);
        Assert.Contains("'origin'", _bag.Last().Message);
        Assert.Equal((3L, 2L), (report.RowsRead, report.ErrorCount));

        // And the report's "present" checks fail every row: the column is missing from all of them
        Assert.All(report.Checks, c => Assert.Equal(("present", 3L, 1.0), (c.Check, c.FailingRows, c.Fraction)));
    }

    [Fact]
    public void Should_report_MLOPS1003_When_the_data_file_does_not_exist()
    {
        // Given a path with no file
        string path = Path.Combine(_temp.Path, "nope.csv");

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then the file is named, with no line, and nothing throws
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataFileMissing, path, 0, 0), (d.Code, d.File, d.Line, d.Column));
        Assert.False(report.IsValid);
    }

    [Theory]
    [InlineData("", "no header row")]
    [InlineData("\n\n", "no header row")]
    [InlineData(Header, "a header but no data rows")]
    public void Should_report_MLOPS1004_When_the_data_file_has_no_rows(string content, string expected)
    {
        // Given an empty file, or one with only a header
        string path = _temp.Write("d.csv", content);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then it is reported as empty
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataFileEmpty, path, 0), (d.Code, d.File, d.Line));
        Assert.Contains(expected, d.Message);
        Assert.Equal(1L, report.ErrorCount);
    }

    [Fact]
    public void Should_report_MLOPS1012_and_count_it_When_a_quote_is_never_closed()
    {
        // Given a valid row, then a quote opened in the origin column of line 3
        string path = _temp.Write("d.csv", Header + "1,5,,true,2001-01-01 06:00,ATL\n2,5,,true,2001-01-01 06:00,\"AT\n3,5,,true,2001-01-01 06:00,ATL\n");

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then the quote is reported where it opened and counted as an error
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.UnterminatedQuote, path, 3, 6), (d.Code, d.File, d.Line, d.Column));
        Assert.Equal((1L, 1L), (report.RowsRead, report.ErrorCount));
    }
}
