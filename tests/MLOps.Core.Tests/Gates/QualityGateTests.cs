using MLOps.Core.Diagnostics;
using MLOps.Core.Gates;
using MLOps.Core.Spec;
using Xunit;

namespace MLOps.Core.Tests.Gates;

public sealed class QualityGateTests
{
    private static readonly ModelSpec Spec = new(
        "M", TaskType.BinaryClassification, new DataSpec("d.csv", "s.json"), new LabelSpec("y", null, 1), [],
        new TrainerSpec("LightGbm", new Dictionary<string, double>(), 0), new SplitSpec(0.2, 0),
        [new GateSpec("auc", 0.7, null, 30), new GateSpec("log_loss", null, 0.5, 31)], "/specs/model.yaml");

    [Fact]
    public void Should_pass_every_gate_When_all_metrics_are_within_their_thresholds()
    {
        var bag = new DiagnosticBag();
        var verdicts = QualityGate.Check(Spec, new Dictionary<string, double> { ["auc"] = 0.7, ["log_loss"] = 0.5 }, bag);
        Assert.Empty(bag);
        Assert.All(verdicts, v => Assert.True(v.Passed));
    }

    [Fact]
    public void Should_report_every_failure_with_metric_value_and_threshold_When_gates_fail()
    {
        // Given metrics that miss both gates
        var bag = new DiagnosticBag();

        // When the gates are checked
        var verdicts = QualityGate.Check(Spec, new Dictionary<string, double> { ["auc"] = 0.61, ["log_loss"] = 0.93 }, bag);

        // Then both fail, each reported at its gate's line with the value and the threshold
        Assert.All(verdicts, v => Assert.False(v.Passed));
        Assert.Collection(
            bag,
            d => { Assert.Equal("MLOPS3001", d.Code); Assert.Equal(30, d.Line); Assert.Contains("auc = 0.61, required at least 0.7", d.Message); },
            d => { Assert.Equal("MLOPS3001", d.Code); Assert.Equal(31, d.Line); Assert.Contains("log_loss = 0.93, required at most 0.5", d.Message); });
    }

    [Fact]
    public void Should_fail_the_gate_When_the_metric_is_NaN()
    {
        var bag = new DiagnosticBag();
        var verdicts = QualityGate.Check(Spec, new Dictionary<string, double> { ["auc"] = double.NaN, ["log_loss"] = 0.1 }, bag);
        Assert.False(verdicts[0].Passed);
        Assert.Equal("MLOPS3001", Assert.Single(bag).Code);
    }

    [Fact]
    public void Should_report_MLOPS3002_When_a_gated_metric_was_not_reported()
    {
        var bag = new DiagnosticBag();
        QualityGate.Check(Spec, new Dictionary<string, double> { ["auc"] = 0.9 }, bag);
        Assert.Equal("MLOPS3002", Assert.Single(bag).Code);
    }
}
