using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

public sealed class SchemaCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_PrintTheSchemaJson_When_NoOutputFileIsGiven()
    {
        // Given a small data file
        string data = _temp.Write("d.csv", "id,origin,score\n1,ATL,0.5\n2,ORD,\n");

        // When a schema is inferred without -o
        CliResult result = Cli.Run("schema", "infer", data);

        // Then stdout is exactly the schema, in the schema file layout, and nothing else
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Equal(
            """
            {
              "columns": [
                {
                  "name": "id",
                  "type": "integer",
                  "min": 1,
                  "max": 2
                },
                {
                  "name": "origin",
                  "type": "categorical",
                  "allowed": ["ATL", "ORD"]
                },
                {
                  "name": "score",
                  "type": "float",
                  "nullable": true,
                  "min": 0.5,
                  "max": 0.5
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            result.Output);
    }

    [Fact]
    public void Should_WriteASchemaThatValidatesTheData_When_AnOutputFileIsGiven()
    {
        // Given a copy of the flights data
        FlightsCopy.Create(_temp);
        string data = FlightsCopy.DataFile(_temp);
        string schemaPath = _temp.Combine("out", "flights.schema.json");

        // When a schema is inferred into a file, with room for the 223 airports
        CliResult result = Cli.Run("schema", "infer", data, "-o", schemaPath, "--max-categories", "300");

        // Then the file holds the flights columns and validates the data it came from
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(schemaPath, result.Output);
        var bag = new DiagnosticBag();
        TableSchema schema = SchemaFile.Load(schemaPath, bag)!;
        Assert.Equal(["date", "delay", "distance", "origin", "destination"], schema.Columns.Select(c => c.Name));
        Assert.Equal(223, schema.Columns[3].Allowed!.Count);
        Assert.True(DataValidator.Validate(data, schema, bag).IsValid);
        Assert.Empty(bag);
    }

    [Fact]
    public void Should_ExitTwoAndKeepTheFile_When_TheOutputFileExists()
    {
        // Given an output file that already exists
        string data = _temp.Write("d.csv", "a\n1\n");
        string schemaPath = _temp.Write("schema.json", "{ \"columns\": [] }\n");

        // When a schema is inferred into it without --force
        CliResult result = Cli.Run("schema", "infer", data, "-o", schemaPath);

        // Then it is a usage error saying how to overwrite, and the file is untouched
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("already exists", result.Error);
        Assert.Contains("--force", result.Error);
        Assert.Equal("{ \"columns\": [] }\n", File.ReadAllText(schemaPath));
    }

    [Fact]
    public void Should_ReplaceTheFile_When_TheOutputFileExistsAndForceIsGiven()
    {
        // Given an output file that already exists
        string data = _temp.Write("d.csv", "a\n1\n");
        string schemaPath = _temp.Write("schema.json", "{ \"columns\": [] }\n");

        // When a schema is inferred into it with --force
        CliResult result = Cli.Run("schema", "infer", data, "-o", schemaPath, "--force");

        // Then the file holds the inferred schema
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"name\": \"a\"", File.ReadAllText(schemaPath));
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS1003_When_TheDataFileDoesNotExist()
    {
        // Given a path with no data file
        string data = _temp.PathOf("missing.csv");

        // When a schema is inferred from it
        CliResult result = Cli.Run("schema", "infer", data);

        // Then it is a configuration error with the code, no stack trace and no output
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{data}: error MLOPS1003: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS1004_When_TheDataFileHasOnlyAHeader()
    {
        // Given a header-only file
        string data = _temp.Write("d.csv", "a,b\n");

        // When a schema is inferred from it
        CliResult result = Cli.Run("schema", "infer", data);

        // Then the data is unusable: exit 1 with the empty-file code
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS1004: ", result.Error);
    }

    [Theory]
    [InlineData("schema", "infer", "d.csv", "--max-categories", "-1")]
    [InlineData("schema", "infer", "d.csv", "--max-categorie", "5")]
    [InlineData("schema", "infer")]
    [InlineData("schema")]
    public void Should_ExitTwo_When_TheCommandLineIsInvalid(params string[] args)
    {
        // Given a negative limit, a misspelt option, or a missing argument or subcommand
        // When it runs
        CliResult result = Cli.Run(args);

        // Then it is a usage error and nothing is printed on stdout
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Error);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("schema", "infer")]
    public void Should_PrintUsageAndExamples_When_HelpIsAsked(params string[] command)
    {
        // Given the schema command or its infer subcommand
        // When its help is asked for
        CliResult result = Cli.Run([.. command, "--help"]);

        // Then it ends with the infer example
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Examples:{Environment.NewLine}", result.Output);
        Assert.Contains("mlops schema infer data/flights/flights.csv -o data/flights/schema.json", result.Output);
    }

    [Fact]
    public void Should_MarkTheLabelTrainingOnly_When_InferringWithLabel()
    {
        // Given data with a label column
        string data = _temp.Write("d.csv", "origin,delay\nATL,3\nORD,40\n");

        // When a schema is inferred with --label delay
        CliResult result = Cli.Run("schema", "infer", data, "--label", "delay");

        // Then the label, and only it, is training-only
        Assert.True(result.ExitCode == 0, result.ToString());
        TableSchema schema = SchemaFile.Load(_temp.Write("schema.json", result.Output), new DiagnosticBag())!;
        Assert.Equal(["training"], schema.Find("delay")!.Environments);
        Assert.Null(schema.Find("origin")!.Environments);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS1070_When_TheLabelIsNotInTheData()
    {
        // Given data without the column named as the label
        string data = _temp.Write("d.csv", "origin,delay\nATL,3\n");

        // When a schema is inferred with --label arrival
        CliResult result = Cli.Run("schema", "infer", data, "--label", "arrival");

        // Then it is a usage error at the header that lists its columns, and no schema is printed
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{data}(1): error MLOPS1070: the label column 'arrival' is not in the data", result.Error);
        Assert.Equal("", result.Output);
    }
}
