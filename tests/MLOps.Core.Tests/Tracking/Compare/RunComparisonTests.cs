using MLOps.Core.Tracking;
using MLOps.Core.Tracking.Compare;
using Xunit;

namespace MLOps.Core.Tests.Tracking.Compare;

public sealed class RunComparisonTests
{
    private static Run Run(string id, Dictionary<string, string> parameters, params RunMetric[] metrics) =>
        new() { Id = id, Model = "M", StartedAt = DateTimeOffset.UnixEpoch, Params = parameters, Metrics = metrics };

    [Fact]
    public void Should_keep_only_the_params_that_differ_and_give_each_metric_s_change_from_the_first_When_runs_are_compared()
    {
        // Given three runs: the second changes the leaves, the third has no seed and no validation auc
        Run a = Run("a", new() { ["trainer"] = "LightGbm", ["seed"] = "1", ["leaves"] = "31" }, new(RunMetric.Test, "auc", 0.70), new(RunMetric.Validation, "auc", 0.72));
        Run b = Run("b", new() { ["trainer"] = "LightGbm", ["seed"] = "1", ["leaves"] = "63" }, new(RunMetric.Test, "auc", 0.75), new(RunMetric.Validation, "auc", 0.71));
        Run c = Run("c", new() { ["trainer"] = "LightGbm", ["leaves"] = "31" }, new RunMetric(RunMetric.Test, "auc", 0.65));

        // When they are compared without and with every param
        RunComparison changed = RunComparison.Of([a, b, c], allParams: false);
        RunComparison all = RunComparison.Of([a, b, c], allParams: true);

        // Then leaves and seed (absent in c) differ and trainer does not; metrics come test first, with deltas against a
        Assert.Equal(["leaves", "seed"], changed.Params.Select(p => p.Name));
        Assert.Equal(["31", "63", "31"], changed.Params[0].Values);
        Assert.Equal(["1", "1", null], changed.Params[1].Values);
        Assert.Equal(["leaves", "seed", "trainer"], all.Params.Select(p => p.Name));
        Assert.Equal([("auc", "test"), ("auc", "validation")], changed.Metrics.Select(m => (m.Name, m.Split)));
        Assert.Equal([0, 0.05, -0.05], changed.Metrics[0].Deltas.Select(d => Math.Round(d!.Value, 9)));
        Assert.Equal([0, -0.01, null], changed.Metrics[1].Deltas.Select(d => d is null ? (double?)null : Math.Round(d.Value, 9)));
    }
}
