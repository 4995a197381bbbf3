using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_ExitZero_When_TheFlightsDataIsValid()
    {
        // Given a copy of the FlightDelay spec and the flights data
        string spec = FlightsCopy.Create(_temp);

        // When it is validated
        CliResult result = Validate(spec);

        // Then it passes, with a one-line summary and no diagnostics
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("FlightDelay: valid (0 warning(s), 96,641 rows read).", result.Output.Trim());
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS1008AtLineAndColumn_When_ACsvValueIsNotANumber()
    {
        // Given the flights data with the distance of its second row (line 3, column 3) not a number
        (string spec, string data) = FlightsWithCsvValue(line: 3, column: 3, value: "far");

        // When it is validated
        CliResult result = Validate(spec);

        // Then the check fails, pointing at the value
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{data}(3,3): error MLOPS1008: ", result.Error);
        Assert.Contains("FlightDelay: validation failed with 1 error(s)", result.Output);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS1007_When_ACsvValueIsAboveTheSchemaMaximum()
    {
        // Given the flights data with a delay (column 2) of 9999 minutes on line 5
        (string spec, string data) = FlightsWithCsvValue(line: 5, column: 2, value: "9999");

        // When it is validated
        CliResult result = Validate(spec);

        // Then the check fails with the range code at that place
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{data}(5,2): error MLOPS1007: ", result.Error);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS0004_When_TheSpecHasAnUnknownKey()
    {
        // Given the spec with a misspelt top-level key
        string spec = FlightsCopy.Create(_temp);
        File.AppendAllText(spec, "\ngates2: {}\n");

        // When it is validated
        CliResult result = Validate(spec);

        // Then the check fails with the unknown-key code against the spec file
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{spec}(", result.Error);
        Assert.Contains("error MLOPS0004: ", result.Error);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS0002AtTheBrace_When_AFeatureLineLeavesABraceOpen()
    {
        // Given the spec with the closing '}' of the Distance feature (line 20, '{' at column 5) left out
        string spec = FlightsCopy.Create(_temp);
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("source: distance }", "source: distance", StringComparison.Ordinal));

        // When it is validated
        CliResult result = Validate(spec);

        // Then it is a syntax error at the unclosed brace, with no stack trace
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{spec}(20,5): error MLOPS0002: ", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS0001_When_TheSpecDoesNotExist()
    {
        // Given a path with no spec
        string spec = _temp.Combine("models", "Nope", "model.yaml");

        // When it is validated
        CliResult result = Validate(spec);

        // Then it is a usage error with the not-found code and no stack trace
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{spec}: error MLOPS0001: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS0017_When_TheDataFileTheSpecNamesIsMissing()
    {
        // Given a spec whose data file was removed
        string spec = FlightsCopy.Create(_temp);
        File.Delete(FlightsCopy.DataFile(_temp));

        // When it is validated
        CliResult result = Validate(spec);

        // Then it is a configuration error naming the spec's data.path
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS0017: ", result.Error);
    }

    [Fact]
    public void Should_PrintTheSummaryAndWriteTheJsonReport_When_ValidatingWithJson()
    {
        // Given the flights data with a delay (column 2) of 9999 minutes on line 5
        string spec = FlightsWithCsvValue(line: 5, column: 2, value: "9999").Spec;
        string json = _temp.Combine("report.json");

        // When it is validated with --json
        CliResult result = Validate(spec, "--json", json);

        // Then the summary names the check and the report holds its count, fraction and example
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"delay max\s+MLOPS1007\s+1\s+0.001%\s+error\s+line 5 '9999'", result.Output);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        System.Text.Json.JsonElement check = Assert.Single(report.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal(("delay", 1L, 5L, "9999"),
            (check.GetProperty("column").GetString(), check.GetProperty("failing_rows").GetInt64(),
             check.GetProperty("examples")[0].GetProperty("location").GetInt64(), check.GetProperty("examples")[0].GetProperty("value").GetString()));
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS1065_When_TheEnvironmentIsUnknown()
    {
        // Given the flights spec
        string spec = FlightsCopy.Create(_temp);

        // When it is validated for an environment the schema format does not know
        CliResult result = Validate(spec, "--environment", "production");

        // Then it is a usage error naming the valid environments
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS1065: ", result.Error);
        Assert.Contains("Valid values are training, serving", result.Error);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS1002_When_TheSchemaHasAnUnknownColumnType()
    {
        // Given the flights data and a schema declaring a column of type "string"
        FlightsCopy.Create(_temp);
        string schema = _temp.Write("schema.json", """{ "columns": [ { "name": "origin", "type": "string" } ] }""");

        // When the data is validated against it
        CliResult result = Validate("--data", FlightsCopy.DataFile(_temp), "--schema", schema);

        // Then it is a configuration error (2), not a failed check (1)
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS1002: ", result.Error);
    }

    /// <summary>
    /// A copy of the FlightDelay spec and flights data with one CSV value replaced, at a 1-based
    /// <paramref name="line"/> (line 1 is the header) and <paramref name="column"/>, as diagnostics count them.
    /// </summary>
    private (string Spec, string Data) FlightsWithCsvValue(int line, int column, string value)
    {
        string spec = FlightsCopy.Create(_temp);
        string data = FlightsCopy.DataFile(_temp);
        string[] lines = File.ReadAllLines(data);
        string[] fields = lines[line - 1].Split(',');
        fields[column - 1] = value;
        lines[line - 1] = string.Join(',', fields);
        File.WriteAllLines(data, lines);
        return (spec, data);
    }

    /// <summary>Runs <c>validate</c> with these arguments.</summary>
    private static CliResult Validate(params string[] args) => Cli.Run(["validate", .. args]);
}
