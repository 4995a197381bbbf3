using System.Text.Json;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Data.Constraints;

public sealed class MostlyTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    // 100 rows of delay: the first `bad` of them above the maximum 100.
    private string Data(int bad) =>
        _temp.Write("d.csv", "delay\n" + string.Concat(Enumerable.Range(0, 100).Select(i => i < bad ? "500\n" : "5\n")));

    private static TableSchema Schema(double mostly) =>
        new([new ColumnSchema("delay", ColumnType.Integer, Max: 100, Mostly: mostly)], "schema.json");

    [Fact]
    public void Should_warn_once_and_stay_valid_When_the_failing_fraction_is_within_mostly()
    {
        // Given 1 bad row in 100, and "mostly": 0.99
        string path = Data(bad: 1);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema(0.99), _bag);

        // Then one warning with the same code at the first bad line, and the data is valid
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.ValueAboveMaximum, 2, 1, Severity.Warning), (d.Code, d.Line, d.Column, d.Severity));
        Assert.Contains("1 of 100 rows (1%)", d.Message);
        Assert.False(_bag.HasErrors);
        Assert.Equal((true, 0L, 1L), (report.IsValid, report.ErrorCount, report.WarningCount));
        Assert.Equal("warning", Assert.Single(report.Checks).Severity);
    }

    [Fact]
    public void Should_report_errors_for_the_first_examples_When_the_failing_fraction_is_beyond_mostly()
    {
        // Given 2 bad rows in 100, and "mostly": 0.99
        string path = Data(bad: 2);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema(0.99), _bag);

        // Then both are errors at their lines
        Assert.Equal([(Codes.ValueAboveMaximum, 2, Severity.Error), (Codes.ValueAboveMaximum, 3, Severity.Error)], _bag.Select(d => (d.Code, d.Line, d.Severity)));
        Assert.Equal((false, 2L, 0L), (report.IsValid, report.ErrorCount, report.WarningCount));
    }

    [Fact]
    public void Should_report_an_error_When_mostly_is_the_default_and_one_row_fails()
    {
        // Given 1 bad row in 100 and no tolerance
        string path = Data(bad: 1);

        // When it is validated
        DataValidator.Validate(path, Schema(1.0), _bag);

        // Then it is an error
        Assert.Equal([(Codes.ValueAboveMaximum, 2, Severity.Error)], _bag.Select(d => (d.Code, d.Line, d.Severity)));
    }

    [Fact]
    public void Should_keep_reporting_a_missing_column_as_an_error_When_the_column_has_mostly()
    {
        // Given a tolerant column the data lacks
        string path = _temp.Write("d.csv", "other\n1\n");

        // When it is validated
        DataValidator.Validate(path, Schema(0.5), _bag);

        // Then the missing column is an error: mostly applies to values only
        Assert.Equal([(Codes.HeaderMissingColumn, Severity.Error)], _bag.Select(d => (d.Code, d.Severity)));
    }

    [Fact]
    public void Should_write_failing_rows_fraction_and_the_first_5_examples_per_check_When_the_report_is_serialized()
    {
        // Given 7 values above the maximum in 100 rows
        string path = Data(bad: 7);

        // When the data is validated and the report serialized as the build writes it
        ValidationReport report = DataValidator.Validate(path, Schema(1.0), _bag);
        using JsonDocument json = JsonDocument.Parse(JsonFile.Serialize(report));

        // Then the check has its count, fraction and the first 5 lines with their values
        JsonElement root = json.RootElement;
        Assert.Equal((100, 7, false), (root.GetProperty("rows_read").GetInt64(), root.GetProperty("error_count").GetInt64(), root.GetProperty("is_valid").GetBoolean()));
        JsonElement check = Assert.Single(root.GetProperty("checks").EnumerateArray());
        Assert.Equal(("delay", "max", Codes.ValueAboveMaximum, "error", 7L, 0.07),
            (check.GetProperty("column").GetString(), check.GetProperty("check").GetString(), check.GetProperty("code").GetString(),
             check.GetProperty("severity").GetString(), check.GetProperty("failing_rows").GetInt64(), check.GetProperty("fraction").GetDouble()));
        Assert.Equal([(2L, "500"), (3L, "500"), (4L, "500"), (5L, "500"), (6L, "500")],
            check.GetProperty("examples").EnumerateArray().Select(e => (e.GetProperty("location").GetInt64(), e.GetProperty("value").GetString())));
        Assert.Equal("line", root.GetProperty("location_unit").GetString());
    }

    [Fact]
    public void Should_list_each_failing_check_When_the_summary_is_formatted()
    {
        // Given 7 values above the maximum in 100 rows
        ValidationReport report = DataValidator.Validate(Data(bad: 7), Schema(1.0), _bag);

        // When the human summary is formatted
        string summary = ValidationSummary.Format(report);

        // Then it has the totals and one line for the check with its count, fraction and first examples
        Assert.StartsWith("100 rows: 7 error(s), 0 warning(s) in 1 check(s)", summary);
        Assert.Matches(@"delay max\s+MLOPS1007\s+7\s+7%\s+error\s+line 2 '500', line 3 '500'", summary);
    }

    [Fact]
    public void Should_apply_a_checks_own_mostly_and_the_column_default_to_the_others_When_one_check_has_its_own()
    {
        // Given 100 rows: 3 above the maximum 100 and 3 below the minimum 0; only "max" tolerates 5%
        string path = _temp.Write("d.csv", "delay\n" + string.Concat(Enumerable.Range(0, 100).Select(i => i < 3 ? "500\n" : i < 6 ? "-5\n" : "5\n")));
        var column = new ColumnSchema("delay", ColumnType.Integer, Min: 0, Max: 100) { CheckMostly = new Dictionary<string, double> { ["max"] = 0.95 } };

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, new TableSchema([column], "schema.json"), _bag);

        // Then the max check is one warning, and the min check (column default 1) errors at each line
        Assert.Equal(
            [(Codes.ValueBelowMinimum, 5, Severity.Error), (Codes.ValueBelowMinimum, 6, Severity.Error), (Codes.ValueBelowMinimum, 7, Severity.Error), (Codes.ValueAboveMaximum, 2, Severity.Warning)],
            _bag.Select(d => (d.Code, d.Line, d.Severity)));
        Assert.Equal((false, 3L, 3L), (report.IsValid, report.ErrorCount, report.WarningCount));
    }

    [Theory]
    [InlineData(0.99, true)]
    [InlineData(1.0, false)]
    public void Should_decide_duplicate_keys_by_the_unique_mostly_When_the_key_has_a_tolerance(double mostly, bool valid)
    {
        // Given 100 rows whose key repeats once
        string path = _temp.Write("d.csv", "id\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{Math.Min(i, 98)}\n")));
        var schema = new TableSchema([new ColumnSchema("id", ColumnType.Integer)], "schema.json") { Unique = ["id"], UniqueMostly = mostly };

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, schema, _bag);

        // Then within the tolerance it is a warning at the repeated row, beyond it an error
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DuplicateKey, 101, valid ? Severity.Warning : Severity.Error), (d.Code, d.Line, d.Severity));
        Assert.Equal(valid, report.IsValid);
    }
}
