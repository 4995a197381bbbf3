using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class DataValidationTests(ITestOutputHelper log) : IDisposable
{
    // The header is line 1 and the 3,000 generated rows lines 2..3001: an appended row is line 3002.
    private const int AppendedLine = 3002;

    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_fail_with_MLOPS1007_at_the_line_and_column_When_a_delay_is_above_the_schema_maximum()
    {
        // Given data with one delay of 99999 minutes, above the schema's max of 2880
        _project.AppendRows([FlightData.Row(new DateTime(2001, 1, 5, 9, 30, 0), 99999, 700, "ATL", "ORD")]);

        // When the model is built
        DotNetResult build = _project.Build();

        // Then validation fails at that value (delay is the 2nd column) and nothing is trained
        Assert.False(build.Succeeded, build.ToString());
        string error = Assert.Single(build.Errors("MLOPS1007").Distinct());
        Assert.StartsWith($"{_project.DataFile}({AppendedLine},2): error MLOPS1007:", error.TrimStart());
        Assert.Contains("'99999'", error);
        Assert.False(File.Exists(Path.Combine(_project.IntermediateDirectory, "model.zip")));

        // And the summary table and artifacts/<model>/validation.json name the check, its count and its example
        Assert.Matches(@"delay max\s+MLOPS1007\s+1\s", build.Output);
        string report = File.ReadAllText(Path.Combine(_project.ArtifactsDirectory, _project.Name, "validation.json"));
        Assert.Contains("\"failing_rows\": 1", report);
        Assert.Contains($"\"location\": {AppendedLine}", report);
        Assert.False(File.Exists(Path.Combine(_project.IntermediateDirectory, "validation.json")));
    }

    [Fact]
    public void Should_fail_with_MLOPS1010_at_the_line_and_column_When_an_origin_is_not_an_allowed_value()
    {
        // Given data with one flight from an airport the schema does not list
        _project.AppendRows([FlightData.Row(new DateTime(2001, 1, 5, 9, 30, 0), 5, 700, "QQQ", "ORD")]);

        // When the model is built
        DotNetResult build = _project.Build();

        // Then validation fails at that value (origin is the 4th column) and nothing is trained
        Assert.False(build.Succeeded, build.ToString());
        string error = Assert.Single(build.Errors("MLOPS1010").Distinct());
        Assert.StartsWith($"{_project.DataFile}({AppendedLine},4): error MLOPS1010:", error.TrimStart());
        Assert.Contains("'QQQ'", error);
        Assert.False(File.Exists(Path.Combine(_project.IntermediateDirectory, "model.zip")));
    }
}
