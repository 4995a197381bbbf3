using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

/// <summary><c>mlops validate</c> and <c>mlops schema infer</c> on data that is a folder of CSV parts.</summary>
public sealed class FolderDataTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_ExitZeroAndReadEveryRow_When_TheSpecsDataIsAFolderOfParts()
    {
        // Given the FlightDelay spec pointing at the flights data split into three parts
        (string spec, _) = FlightsInParts();

        // When it is validated
        CliResult result = Cli.Run("validate", spec);

        // Then every row of every part is read as one table
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("FlightDelay: valid (0 warning(s), 96,641 rows read).", result.Output.Trim());
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS1008AtThePartAndItsLine_When_AValueInTheSecondPartIsNotANumber()
    {
        // Given the parts, the second with the distance (column 3) of its line 3 not a number
        (string spec, string[] parts) = FlightsInParts();
        string[] lines = File.ReadAllLines(parts[1]);
        string[] fields = lines[2].Split(',');
        fields[2] = "far";
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(parts[1], lines);

        // When it is validated
        CliResult result = Cli.Run("validate", spec);

        // Then the error names the part file and its own line, not the folder
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{parts[1]}(3,3): error MLOPS1008: ", result.Error);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS1067NamingThePart_When_APartHasAnotherHeader()
    {
        // Given the parts, the third with two columns swapped in its header
        (string spec, string[] parts) = FlightsInParts();
        string[] lines = File.ReadAllLines(parts[2]);
        lines[0] = "date,delay,distance,destination,origin";
        File.WriteAllLines(parts[2], lines);

        // When it is validated
        CliResult result = Cli.Run("validate", spec);

        // Then the part is named with what it has and what the first part has
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{parts[2]}(1): error MLOPS1067: part 'part-0002.csv' has columns date, delay, distance, destination, origin, but the folder's first part 'part-0000.csv' has date, delay, distance, origin, destination (the same names in another order).", result.Error);
    }

    [Fact]
    public void Should_InferFromEveryPart_When_SchemaInferIsGivenAFolder()
    {
        // Given the flights data split into three parts
        (_, string[] parts) = FlightsInParts();

        // When a schema is inferred from the folder
        CliResult result = Cli.Run("schema", "infer", Path.GetDirectoryName(parts[0])!, "--max-categories", "300");

        // Then it has the flights columns and every airport of every part
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"name\": \"destination\"", result.Output);
        Assert.Equal(2, result.Output.Split("\"LAS\"").Length - 1); // once in origin's allowed list, once in destination's
    }

    // The FlightDelay spec with data.path a folder holding flights.csv as three parts, each with the header.
    private (string Spec, string[] Parts) FlightsInParts()
    {
        string spec = FlightsCopy.Create(_temp);
        string[] lines = File.ReadAllLines(FlightsCopy.DataFile(_temp));
        string folder = Directory.CreateDirectory(_temp.Combine("data", "flights", "parts")).FullName;
        string[] parts = [.. lines.Skip(1).Chunk((lines.Length / 3) + 1).Select((rows, i) =>
        {
            string part = Path.Combine(folder, $"part-{i:0000}.csv");
            File.WriteAllLines(part, [lines[0], .. rows]);
            return part;
        })];
        File.Delete(FlightsCopy.DataFile(_temp));
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("../../data/flights/flights.csv", "../../data/flights/parts", StringComparison.Ordinal));
        Assert.Equal(3, parts.Length);
        return (spec, parts);
    }
}
