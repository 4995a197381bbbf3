using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Spec;

public sealed class SpecLoaderTests
{
    [Fact]
    public void Should_load_every_part_When_the_spec_is_valid()
    {
        // Given a valid spec beside its data and schema
        using var dir = Folder();

        // When it is loaded
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(dir.Write("model.yaml", TestModels.FlightsSpec()), bag);

        // Then every part is read, with paths resolved against the spec's folder
        Assert.Empty(bag);
        Assert.NotNull(spec);
        Assert.Equal("Flights", spec.Name);
        Assert.Equal(TaskType.BinaryClassification, spec.Task);
        Assert.Equal(dir.PathOf("flights.csv"), spec.Data.Path);
        Assert.Equal(new LabelRule(">", 15), spec.Label.Rule);
        Assert.Equal(["DepartureHour", "DayOfWeek", "Distance", "Origin"], spec.Features.Select(f => f.Name));
        Assert.Equal(FeatureEncoding.OneHot, spec.Features[3].Encoding);
        Assert.Equal("hour", spec.Features[0].Derive);
        Assert.Equal(20, spec.Trainer.Parameters["NumberOfIterations"]);
        Assert.Equal(new SplitSpec(0.25, 3), spec.Split);
        Assert.Equal(0.6, Assert.Single(spec.Gates).Min);
    }

    [Fact]
    public void Should_load_the_repository_demo_spec_When_it_is_read()
    {
        // Given the spec the README's main job trains
        string path = Path.Combine(RepoRoot(), "models", "FlightDelay", "model.yaml");

        // When it is loaded
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(path, bag);

        // Then it is valid and names the committed data
        Assert.Empty(bag);
        Assert.Equal("FlightDelay", spec!.Name);
        Assert.True(File.Exists(spec.Data.Path));
    }

    [Theory]
    [InlineData("name: X\nnmae: typo\n", "MLOPS0004", 2)]
    [InlineData("name: [unclosed\n", "MLOPS0002", 1)]
    [InlineData("task: binary-classification\n", "MLOPS0003", 1)]
    public void Should_report_the_code_and_line_When_the_spec_is_malformed(string yaml, string code, int line)
    {
        // Given a malformed spec
        using var dir = Folder();
        string path = dir.Write("model.yaml", yaml);

        // When it is loaded
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(path, bag);

        // Then nothing is returned and the diagnostic names the file and line
        Assert.Null(spec);
        Assert.Contains(bag, d => d.Code == code);
        Assert.All(bag.Where(d => d.Code == code), d => Assert.Equal((path, line), (d.File, d.Line)));
    }

    [Fact]
    public void Should_list_the_valid_trainers_When_the_trainer_is_unknown()
    {
        // Given a spec naming a trainer that does not exist
        var d = SingleError(TestModels.FlightsSpec(trainer: "XGBoost"), "MLOPS0007");

        // Then the message lists every binary trainer, on the trainer's line
        Assert.Contains("LightGbm, FastTree, SdcaLogisticRegression", d.Message);
        Assert.Equal(15, d.Line);
    }

    [Fact]
    public void Should_list_the_valid_options_When_a_hyperparameter_is_unknown()
    {
        var d = SingleError(TestModels.FlightsSpec(parameters: "NumberOfLeafs: 3"), "MLOPS0008");
        Assert.Contains("NumberOfLeaves", d.Message);
        Assert.Equal(18, d.Line);
    }

    [Theory]
    [InlineData("auc: { min: 0.6 }\n  rmse: { max: 1 }", "MLOPS0014")]
    [InlineData("auc: { min: 0.9, max: 0.8 }", "MLOPS0015")]
    [InlineData("auc: { }", "MLOPS0015")]
    public void Should_reject_the_gate_When_it_cannot_apply(string gates, string code) =>
        SingleError(TestModels.FlightsSpec(gates: gates), code);

    [Theory]
    [InlineData("when: \"> 15\"", "when: \"about 15\"", "MLOPS0012")]
    [InlineData("test-fraction: 0.25", "test-fraction: 1.5", "MLOPS0013")]
    [InlineData("derive: hour", "derive: fortnight", "MLOPS0009")]
    [InlineData("encode: one-hot", "encode: embedding", "MLOPS0010")]
    [InlineData("path: flights.csv", "path: missing.csv", "MLOPS0017")]
    [InlineData("task: binary-classification", "task: clustering", "MLOPS0006")]
    [InlineData("name: Distance,", "name: Origin,", "MLOPS0016")]
    public void Should_report_its_code_When_one_value_is_wrong(string from, string to, string code) =>
        SingleError(TestModels.FlightsSpec().Replace(from, to, StringComparison.Ordinal), code);

    [Fact]
    public void Should_report_MLOPS0001_When_the_spec_file_is_missing()
    {
        var bag = new DiagnosticBag();
        Assert.Null(SpecLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "model.yaml"), bag));
        Assert.Equal("MLOPS0001", Assert.Single(bag).Code);
    }

    private static Diagnostic SingleError(string yaml, string code)
    {
        using var dir = Folder();
        var bag = new DiagnosticBag();
        Assert.Null(SpecLoader.Load(dir.Write("model.yaml", yaml), bag));
        return Assert.Single(bag, d => d.Code == code);
    }

    private static TempFolder Folder()
    {
        var dir = new TempFolder("mlops-spec");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        return dir;
    }

    internal static string RepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Pipeline.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Pipeline.sln not found above the test assembly.");
    }
}
