using MLOps.Core.Gates;
using MLOps.Core.Spec;
using Xunit;

namespace MLOps.Core.Tests.Gates;

public sealed class ChampionThresholdTests
{
    [Theory]
    [InlineData("auc", 0.80, 0.75, 0.05)] // higher is better: candidate minus champion
    [InlineData("auc", 0.70, 0.75, -0.05)]
    [InlineData("log_loss", 0.60, 0.65, 0.05)] // lower is better: champion minus candidate
    [InlineData("rmse", 12.0, 10.0, -2.0)]
    public void Should_read_the_improvement_in_the_metric_s_direction_When_comparing(string metric, double candidate, double champion, double improvement)
    {
        // Given a candidate and a champion value of one metric
        // When the improvement is computed
        // Then it is positive when the candidate is better, whichever way the metric points
        Assert.Equal(improvement, ChampionThreshold.Improvement(metric, candidate, champion), precision: 10);
    }

    [Fact]
    public void Should_know_the_losses_and_errors_are_lower_is_better_When_asked_for_directions()
    {
        Assert.All(["log_loss", "log_loss_nats", "rmse", "mae", "mse"], m => Assert.False(MetricCatalog.HigherIsBetter(m)));
        Assert.All(["auc", "accuracy", "f1", "auprc", "macro_accuracy", "micro_accuracy", "r_squared"], m => Assert.True(MetricCatalog.HigherIsBetter(m)));
    }

    [Theory]
    [InlineData(0.1, 0.0, double.PositiveInfinity)]
    [InlineData(-0.1, 0.0, double.NegativeInfinity)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(0.05, -0.5, 0.1)] // divided by |champion|, so a negative champion value keeps the sign of the improvement
    public void Should_divide_by_the_champion_s_magnitude_and_treat_zero_as_unbounded_When_computing_the_relative_improvement(double improvement, double champion, double relative)
    {
        Assert.Equal(relative, ChampionThreshold.RelativeImprovement(improvement, champion), precision: 10);
    }

    [Fact]
    public void Should_pass_a_relative_threshold_When_the_champion_scored_zero_and_the_candidate_improves()
    {
        // Given a champion whose r_squared is exactly 0 and a demand of 5 % relative improvement
        var gate = new ChampionGateSpec("r_squared", null, 0.05, null, 1);

        // When a better and a worse candidate are compared
        // Then the better one passes (any gain over 0 is unbounded) and the worse one fails
        Assert.Empty(ChampionThreshold.Misses(gate, candidate: 0.2, champion: 0.0));
        Assert.Contains("relative improvement -infinity", Assert.Single(ChampionThreshold.Misses(gate, candidate: -0.2, champion: 0.0)));
    }

    [Fact]
    public void Should_report_every_missed_threshold_When_a_lower_is_better_metric_regresses()
    {
        // Given log_loss thresholds: improve by 0.01 and by 1 %, regress at most 0.005
        var gate = new ChampionGateSpec("log_loss", 0.01, 0.01, 0.005, 1);

        // When the candidate's log_loss is 0.02 higher (worse) than the champion's
        IReadOnlyList<string> misses = ChampionThreshold.Misses(gate, candidate: 0.52, champion: 0.50);

        // Then all three are missed, each saying by how much
        Assert.Equal(["improvement -0.02, required at least 0.01", "relative improvement -4%, required at least 1%", "regression 0.02, allowed at most 0.005"], misses);
    }

    [Fact]
    public void Should_pass_a_max_regression_When_the_candidate_is_worse_by_less_than_allowed()
    {
        var gate = new ChampionGateSpec("auc", null, null, 0.005, 1);
        Assert.Empty(ChampionThreshold.Misses(gate, candidate: 0.797, champion: 0.80));
        Assert.NotEmpty(ChampionThreshold.Misses(gate, candidate: 0.79, champion: 0.80));
    }

    [Theory]
    [InlineData(double.NaN, 0.8)]
    [InlineData(0.8, double.NaN)]
    public void Should_fail_every_threshold_When_either_value_is_NaN(double candidate, double champion)
    {
        // Given thresholds any real improvement would pass
        var gate = new ChampionGateSpec("auc", -1, -1, 1, 1);

        // When either side is NaN
        // Then no improvement can be shown: all three fail
        Assert.Equal(3, ChampionThreshold.Misses(gate, candidate, champion).Count);
    }
}
