using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

public sealed class NewModelCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_WriteASpecThatLoadsAndItsSchema_When_DataAndLabelAreGiven()
    {
        // Given a data file whose label is a boolean
        string data = _temp.Write("data/churn.csv", Churn(120));
        string folder = _temp.PathOf("models/Churn");

        // When a model is started from it
        CliResult result = Cli.Run("new", "model", "Churn", "--data", data, "--label", "churned", "-o", folder);

        // Then both files are written, the spec loads without a diagnostic, and the output says what was made
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Contains("model.yaml: Churn, binary-classification of 'churned' from 2 feature(s)", result.Output, StringComparison.Ordinal);
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(Path.Combine(folder, "model.yaml"), bag);
        Assert.Empty(bag);
        Assert.Equal(data, spec!.Data.Path);
        Assert.Equal(Path.Combine(folder, "schema.json"), spec.Data.SchemaPath);
        Assert.True(File.Exists(spec.Data.SchemaPath));
    }

    [Fact]
    public void Should_RefuseWithMLOPS0043AndExitTwo_When_TheFolderAlreadyHasASpec()
    {
        // Given a model folder with a spec of its own
        string data = _temp.Write("data/churn.csv", Churn(50));
        string existing = _temp.Write("models/Churn/model.yaml", "name: Mine\n");

        // When a model is started into it
        CliResult result = Cli.Run("new", "model", "Churn", "--data", data, "--label", "churned", "-o", _temp.PathOf("models/Churn"));

        // Then nothing is written and the code names the file
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{existing}: error {Codes.ScaffoldFileExists}:", result.Error, StringComparison.Ordinal);
        Assert.Equal("name: Mine\n", File.ReadAllText(existing));
        Assert.False(File.Exists(_temp.PathOf("models/Churn/schema.json")));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Should_ExitTwoWithMLOPS0042_When_TheTaskDoesNotFitTheLabel()
    {
        // Given a categorical column asked to be a regression label
        string data = _temp.Write("data/churn.csv", Churn(50));

        // When a model is started from it
        CliResult result = Cli.Run("new", "model", "Churn", "--data", data, "--label", "plan", "--task", "regression", "-o", _temp.PathOf("m"));

        // Then it is refused and nothing is written
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error {Codes.ScaffoldTaskDoesNotFitLabel}: task regression does not fit label 'plan'", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.PathOf("m")));
    }

    [Theory]
    [InlineData("--task", "binary")]
    [InlineData("--label")]
    public void Should_ExitTwoPointingAtTheCommandsHelp_When_AnOptionIsMissingOrInvalid(params string[] extra)
    {
        // Given a command line without a label, or with a task that does not exist
        string data = _temp.Write("data/churn.csv", Churn(50));
        string[] args = ["new", "model", "Churn", "--data", data, .. extra.Length == 1 ? [] : (string[])["--label", "churned", .. extra]];

        // When it runs
        CliResult result = Cli.Run(args);

        // Then it is a usage error that points at the subcommand's help
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Run 'mlops new model --help' for usage and examples.", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Should_EndTheHelpWithExamples_When_HelpIsAskedFor()
    {
        // When the help of the command is asked for
        CliResult result = Cli.Run("new", "model", "--help");

        // Then it lists the options and ends with examples
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--label <column> (REQUIRED)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:\n  mlops new model Churn --data data/churn.csv --label churned -o models/Churn", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static string Churn(int rows) =>
        "tenure,plan,churned\n" + string.Concat(Enumerable.Range(0, rows).Select(i =>
            $"{(i * 7) % 72},{(i % 3 == 0 ? "basic" : "pro")},{((i * 7) % 72 < 18 ? "true" : "false")}\n"));
}
