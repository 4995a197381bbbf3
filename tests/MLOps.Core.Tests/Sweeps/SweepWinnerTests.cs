using MLOps.Core.Sweeps;
using Xunit;

namespace MLOps.Core.Tests.Sweeps;

/// <summary>The winner: the best validation value in the metric's direction, ties to the lowest trial.</summary>
public sealed class SweepWinnerTests
{
    [Fact]
    public void Should_pick_the_highest_value_When_the_metric_is_auc()
    {
        TrialResult? winner = SweepWinner.Pick([new(1, 0.61), new(2, 0.67), new(3, 0.64)], "auc");
        Assert.Equal(2, winner!.Trial);
    }

    [Theory]
    [InlineData("log_loss")]
    [InlineData("rmse")]
    [InlineData("mae")]
    [InlineData("mse")]
    public void Should_pick_the_lowest_value_When_lower_is_better(string metric)
    {
        TrialResult? winner = SweepWinner.Pick([new(1, 0.61), new(2, 0.67), new(3, 0.58)], metric);
        Assert.Equal(3, winner!.Trial);
    }

    [Fact]
    public void Should_pick_the_lowest_trial_When_values_tie_whatever_the_order_they_arrive_in()
    {
        // Given trials 5 and 2 with the same best value, listed 5 first (shards report in any order)
        // When the winner is picked
        TrialResult? winner = SweepWinner.Pick([new(5, 0.7), new(1, 0.6), new(2, 0.7)], "auc");

        // Then it is trial 2
        Assert.Equal(2, winner!.Trial);
    }

    [Fact]
    public void Should_never_pick_a_NaN_When_a_trial_s_metric_is_undefined()
    {
        Assert.Equal(2, SweepWinner.Pick([new(1, double.NaN), new(2, 0.1)], "rmse")!.Trial);
        Assert.Null(SweepWinner.Pick([new(1, double.NaN)], "auc"));
    }

    [Fact]
    public void Should_derive_the_same_parent_on_every_agent_and_another_for_another_CI_run_When_ids_are_made()
    {
        // Given the same model, spec hash and data fingerprint
        string a = SweepIds.Parent("Flights", "spec1", "data1", "run-42");
        string b = SweepIds.Parent("Flights", "spec1", "data1", "run-42");
        string c = SweepIds.Parent("Flights", "spec1", "data1", "run-43");

        // Then one CI run's shards share the parent, another CI run gets its own; ids look like every run id
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Matches("^[0-9a-f]{16}$", a);
        Assert.NotEqual(SweepIds.Trial(a, 1), SweepIds.Trial(a, 2));
    }
}
