using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Spec;

/// <summary>The spec's sweep: section (docs/sweeps.md), appended at line 25 after a split with a validation fraction.</summary>
public sealed class SweepSpecTests
{
    [Fact]
    public void Should_read_strategy_trials_seed_parallel_and_each_space_When_the_section_is_valid()
    {
        // Given a random sweep over a list, a log range and an integer range
        string yaml = """
            sweep:
              metric: log_loss
              strategy: random
              trials: 8
              seed: 7
              parallel: 2
              parameters:
                NumberOfLeaves: [15, 31, 63]
                LearningRate: { min: 0.02, max: 0.3, scale: log }
                NumberOfIterations: { min: 50, max: 200, integer: true }
            """;

        // When the spec is loaded
        (ModelSpec? spec, DiagnosticBag bag) = Load(yaml);

        // Then every setting is read, and the parameters are in ordinal name order with their lines
        Assert.Empty(bag);
        SweepSpec sweep = Assert.IsType<SweepSpec>(spec!.Sweep);
        Assert.Equal(("log_loss", SweepStrategy.Random, (int?)8, 7, (int?)2, 25), (sweep.Metric, sweep.Strategy, sweep.Trials, sweep.Seed, sweep.Parallel, sweep.Line));
        Assert.Equal(["LearningRate", "NumberOfIterations", "NumberOfLeaves"], sweep.Parameters.Select(p => p.Name));
        Assert.Equal(new SweepRange("LearningRate", 0.02, 0.3, SweepScale.Log, false, 33), sweep.Parameters[0]);
        Assert.Equal(new SweepRange("NumberOfIterations", 50, 200, SweepScale.Linear, true, 34), sweep.Parameters[1]);
        Assert.Equal([15.0, 31, 63], Assert.IsType<SweepChoice>(sweep.Parameters[2]).Values);
    }

    [Fact]
    public void Should_default_to_a_grid_on_the_task_s_primary_metric_When_the_section_names_neither()
    {
        // Given a sweep with only parameters
        // When the spec is loaded
        (ModelSpec? spec, DiagnosticBag bag) = Load("sweep:\n  parameters:\n    NumberOfLeaves: [7, 15]");

        // Then it is a grid judged on auc, with no trial count and no degree of its own (half the processor count then)
        Assert.Empty(bag);
        Assert.Equal(("auc", SweepStrategy.Grid, (int?)null, (int?)null), (spec!.Sweep!.Metric, spec.Sweep.Strategy, spec.Sweep.Trials, spec.Sweep.Parallel));
    }

    [Theory]
    [InlineData("sweep:\n  parameters:\n    NumberOfLeafs: [7, 15]", "MLOPS0060", 27)] // not a LightGbm hyperparameter
    [InlineData("sweep:\n  parameters:\n    LearningRate: { min: 0.01, max: 0.3 }", "MLOPS0061", 27)] // a range under grid
    [InlineData("sweep:\n  strategy: random\n  parameters:\n    LearningRate: { min: 0.01, max: 0.3 }", "MLOPS0062", 26)] // random without trials
    [InlineData("sweep:\n  strategy: random\n  trials: 0\n  parameters:\n    NumberOfLeaves: [7]", "MLOPS0062", 27)] // no trial to draw
    [InlineData("sweep:\n  strategy: random\n  trials: 4\n  parameters:\n    LearningRate: { min: 0.01, max: 0.3, scale: log2 }", "MLOPS0063", 29)] // bad scale
    [InlineData("sweep:\n  strategy: random\n  trials: 4\n  parameters:\n    LearningRate: { min: 0, max: 0.3, scale: log }", "MLOPS0063", 29)] // log from 0
    [InlineData("sweep:\n  strategy: random\n  trials: 4\n  parameters:\n    LearningRate: { min: 0.3, max: 0.1 }", "MLOPS0065", 29)] // inverted
    [InlineData("sweep:\n  strategy: random\n  trials: 4\n  parameters:\n    NumberOfLeaves: { min: 7.2, max: 7.8, integer: true }", "MLOPS0065", 29)] // no whole number
    [InlineData("sweep:\n  parameters:\n    NumberOfLeaves: []", "MLOPS0065", 27)] // nothing listed
    [InlineData("sweep:\n  strategy: bayes\n  parameters:\n    NumberOfLeaves: [7]", "MLOPS0066", 26)]
    [InlineData("sweep:\n  metric: rmse\n  parameters:\n    NumberOfLeaves: [7]", "MLOPS0067", 26)] // a regression metric
    [InlineData("sweep:\n  parallel: 0\n  parameters:\n    NumberOfLeaves: [7]", "MLOPS0067", 26)]
    [InlineData("sweep:\n  parameters: {}", "MLOPS0068", 26)] // nothing to search
    [InlineData("sweep:\n  parameters:\n    NumberOfLeaves: 31", "MLOPS0005", 27)] // a single value
    [InlineData("sweep:\n  paramters:\n    NumberOfLeaves: [7]", "MLOPS0004", 26)] // a typo
    public void Should_report_the_exact_code_at_the_line_When_the_sweep_section_is_wrong(string yaml, string code, int line)
    {
        // Given a spec whose sweep section has one mistake
        // When it is loaded
        (ModelSpec? spec, DiagnosticBag bag) = Load(yaml);

        // Then the spec is refused with that mistake's code at its line
        Assert.Null(spec);
        Assert.Contains(bag, d => d.Code == code && d.Line == line);
        Assert.All(bag, d => Assert.True(d.Code == code || d.Code == Codes.SpecMissingKey, $"{d.Code} at {d.Line}: {d.Message}"));
    }

    [Fact]
    public void Should_refuse_the_sweep_and_say_what_to_add_When_the_split_has_no_validation_part()
    {
        // Given a sweep on a spec whose split holds out a test fraction only
        using var dir = new TempFolder("mlops-sweep-spec");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        var bag = new DiagnosticBag();

        // When it is loaded
        ModelSpec? spec = SpecLoader.Load(dir.Write("model.yaml", TestModels.FlightsSpec() + "\nsweep:\n  parameters:\n    NumberOfLeaves: [7, 15]\n"), bag);

        // Then MLOPS0064 names the sweep's line and the key to add
        Assert.Null(spec);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal((Codes.SweepNeedsValidationSplit, 24), (d.Code, d.Line));
        Assert.Contains("validation-fraction", d.Message, StringComparison.Ordinal);
    }

    internal static (ModelSpec? Spec, DiagnosticBag Bag) Load(string sweep)
    {
        using var dir = new TempFolder("mlops-sweep-spec");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        var bag = new DiagnosticBag();
        string spec = TestModels.FlightsSpec().Replace("  test-fraction: 0.25\n", "  test-fraction: 0.25\n  validation-fraction: 0.1\n", StringComparison.Ordinal);
        return (SpecLoader.Load(dir.Write("model.yaml", spec + "\n" + sweep + "\n"), bag), bag);
    }
}
