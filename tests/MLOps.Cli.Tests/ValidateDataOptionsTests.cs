using System.Text.Json;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

/// <summary><c>mlops validate --data</c>: another batch against a spec's schema, or data against a schema alone.</summary>
public sealed class ValidateDataOptionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CliResult Validate(params string[] args) => Cli.Run(["validate", .. args]);

    // The flights data's first rows, with one line replaced by `line` when given.
    private string Batch(string name, int rows, string? header = null, (int Line, string Text)? line = null)
    {
        string[] lines = File.ReadLines(FlightsCopy.DataFile(_temp)).Take(rows + 1).ToArray();
        if (header is not null)
        {
            lines = [header, .. lines.Skip(1).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 1)))];
        }
        if (line is { } replaced)
        {
            lines[replaced.Line - 1] = replaced.Text;
        }
        return _temp.Write(name, string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void Should_check_the_other_batch_against_the_specs_schema_When_data_is_given_with_a_spec()
    {
        // Given the FlightDelay spec and a new batch of 100 rows whose line 7 has an unknown origin
        string spec = FlightsCopy.Create(_temp);
        string batch = Batch("batch.csv", 100, line: (7, "2001-01-02 06:00,5,300,XXX,ATL"));

        // When the batch is validated against the spec
        CliResult result = Validate(spec, "--data", batch);

        // Then the batch's rows are read and its bad value reported at its line, not the spec's data
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{batch}(7,4): error MLOPS1010: ", result.Error);
        Assert.Contains("FlightDelay: validation failed with 1 error(s) and 0 warning(s), 100 rows read.", result.Output);
    }

    [Fact]
    public void Should_validate_and_write_the_profile_When_data_and_schema_are_given_without_a_spec()
    {
        // Given the flights data and schema, and no spec
        FlightsCopy.Create(_temp);
        string schema = _temp.Combine("data", "flights", "schema.json");
        string profile = _temp.Combine("profile.json");

        // When the data is validated against the schema alone, writing its profile
        CliResult result = Validate("--data", FlightsCopy.DataFile(_temp), "--schema", schema, "--profile", profile);

        // Then it is valid, named by its file, and the profile counts every row of the five columns
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("flights.csv: valid (0 warning(s), 96,641 rows read).", result.Output.Trim());
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(profile));
        Assert.Equal(96641, json.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(5, json.RootElement.GetProperty("columns").GetArrayLength());
    }

    [Fact]
    public void Should_accept_serving_data_without_the_label_When_the_environment_is_serving()
    {
        // Given a day of serving requests: the flights columns without delay (the label, training only)
        FlightsCopy.Create(_temp);
        string schema = _temp.Combine("data", "flights", "schema.json");
        string requests = Batch("requests.csv", 50, header: "date,distance,origin,destination");

        // When they are validated for serving, and for training
        CliResult serving = Validate("--data", requests, "--schema", schema, "--environment", "serving");
        CliResult training = Validate("--data", requests, "--schema", schema);

        // Then serving is valid, and training misses the label column
        Assert.True(serving.ExitCode == 0, serving.ToString());
        Assert.Equal(1, training.ExitCode);
        Assert.Contains("error MLOPS1005: ", training.Error);
    }

    [Theory]
    [InlineData(true, true, "--schema is for data without a spec")]
    [InlineData(false, false, "give a model spec (mlops validate model.yaml), or --data and --schema")]
    public void Should_exit_two_with_a_usage_error_When_spec_data_and_schema_do_not_go_together(bool withSpec, bool withSchema, string expected)
    {
        // Given a spec with a schema option, or data with neither spec nor schema
        string spec = FlightsCopy.Create(_temp);
        string[] args = [.. withSpec ? [spec] : Array.Empty<string>(), "--data", FlightsCopy.DataFile(_temp), .. withSchema ? ["--schema", "schema.json"] : Array.Empty<string>()];

        // When validate runs
        CliResult result = Validate(args);

        // Then it is a usage error saying how to call it, and nothing is validated
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Equal("", result.Output);
    }
}
