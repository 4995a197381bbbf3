using MLOps.Core.Spec;
using MLOps.Core.Sweeps;
using Xunit;

namespace MLOps.Core.Tests.Sweeps;

/// <summary>The trials a sweep runs: a pure function of the spec (docs/sweeps.md#reproducibility).</summary>
public sealed class SweepPlanTests
{
    [Fact]
    public void Should_list_the_cartesian_product_in_ordinal_parameter_order_with_the_last_varying_fastest_When_the_strategy_is_grid()
    {
        // Given a grid over two parameters, written in reverse name order
        ModelSpec spec = Spec(new SweepSpec("auc", SweepStrategy.Grid, null, 0, null,
            [new SweepChoice("LearningRate", [0.1, 0.2], 2), new SweepChoice("NumberOfLeaves", [7, 15, 31], 1)], 1));

        // When it is planned
        IReadOnlyList<SweepTrial> plan = SweepPlan.For(spec);

        // Then the six trials are numbered 1..6 in odometer order, each with the trainer's own parameters and one thread
        Assert.Equal([1, 2, 3, 4, 5, 6], plan.Select(t => t.Number));
        Assert.Equal(
            ["(0.1, 7)", "(0.1, 15)", "(0.1, 31)", "(0.2, 7)", "(0.2, 15)", "(0.2, 31)"],
            plan.Select(t => $"({t.Parameters["LearningRate"]}, {t.Parameters["NumberOfLeaves"]})"));
        Assert.All(plan, t => Assert.Equal((20.0, 1.0), (t.Parameters["NumberOfIterations"], t.Parameters["NumberOfThreads"])));
        Assert.Equal("LearningRate=0.1|NumberOfIterations=20|NumberOfLeaves=7|NumberOfThreads=1", plan[0].ParameterText);
    }

    [Fact]
    public void Should_draw_the_same_trials_every_time_and_other_ones_for_another_seed_When_the_strategy_is_random()
    {
        // Given a random sweep of 8 trials with seed 7
        SweepSpec sweep = RandomSweep(seed: 7);

        // When it is planned twice, and once with seed 8
        var first = SweepPlan.For(Spec(sweep)).Select(t => t.ParameterText).ToList();
        var second = SweepPlan.For(Spec(sweep)).Select(t => t.ParameterText).ToList();
        var other = SweepPlan.For(Spec(sweep with { Seed = 8 })).Select(t => t.ParameterText).ToList();

        // Then the same seed gives the same 8 trials, another seed other ones
        Assert.Equal(8, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Should_keep_every_draw_inside_its_space_When_ranges_are_log_integer_and_listed()
    {
        // Given a random sweep of 200 trials over a log range, an integer range and a list
        IReadOnlyList<SweepTrial> plan = SweepPlan.For(Spec(RandomSweep(seed: 3) with { Trials = 200 }));

        // Then each value lies in its space: log range bounds, whole numbers with both ends reached, listed values only
        Assert.All(plan, t => Assert.InRange(t.Parameters["LearningRate"], 0.02, 0.3));
        Assert.All(plan, t => Assert.Equal(Math.Floor(t.Parameters["NumberOfIterations"]), t.Parameters["NumberOfIterations"]));
        var iterations = plan.Select(t => t.Parameters["NumberOfIterations"]).ToHashSet();
        Assert.Equal((10.0, 14.0), (iterations.Min(), iterations.Max()));
        Assert.Equal([15.0, 31, 63], plan.Select(t => t.Parameters["NumberOfLeaves"]).Distinct().Order());

        // And the log scale puts about as many draws below the geometric middle (0.0775) as above it
        int low = plan.Count(t => t.Parameters["LearningRate"] < Math.Sqrt(0.02 * 0.3));
        Assert.InRange(low, 70, 130);
    }

    [Fact]
    public void Should_follow_the_published_SplitMix64_sequence_When_seeded_so_every_runtime_draws_the_same()
    {
        // Given the generator seeded as the reference implementation's test (1234567)
        var random = new SweepRandom(1234567);

        // Then its first draws are the reference outputs 6457827717110365317, 3203168211198807973, 9817491932198370423
        // (as doubles: the top 53 bits over 2^53)
        Assert.Equal(6457827717110365317UL >> 11, (ulong)(random.NextDouble() * (1UL << 53)));
        Assert.Equal(3203168211198807973UL >> 11, (ulong)(random.NextDouble() * (1UL << 53)));
        Assert.Equal(9817491932198370423UL >> 11, (ulong)(random.NextDouble() * (1UL << 53)));
    }

    [Fact]
    public void Should_pin_the_first_random_trial_When_seed_7_so_a_runtime_upgrade_cannot_change_a_sweep_silently()
    {
        // Given seed 7, whose first three draws are 0.38983, 0.01679, 0.90076 (LearningRate, NumberOfIterations, NumberOfLeaves)
        // When the sweep is planned
        SweepTrial first = SweepPlan.For(Spec(RandomSweep(seed: 7)))[0];

        // Then the first trial is exactly what those draws give on each space
        // exp(ln 0.02 + 0.38983 * (ln 0.3 - ln 0.02)) = 0.05747850..., kept to six significant digits
        Assert.Equal(0.0574785, first.Parameters["LearningRate"]);
        Assert.Equal((10.0, 63.0), (first.Parameters["NumberOfIterations"], first.Parameters["NumberOfLeaves"]));
    }

    [Fact]
    public void Should_give_each_trial_to_exactly_one_shard_When_the_plan_is_split_in_three()
    {
        // Given a plan of 8 trials and shards 1/3, 2/3, 3/3
        IReadOnlyList<SweepTrial> plan = SweepPlan.For(Spec(RandomSweep(seed: 7)));
        var shards = new[] { "1/3", "2/3", "3/3" }.Select(s => SweepShard.Parse(s)!.Of(plan)).ToList();

        // Then trial index % 3 == i - 1, and together they are the plan, once each
        Assert.Equal([1, 4, 7], shards[0].Select(t => t.Number));
        Assert.Equal([2, 5, 8], shards[1].Select(t => t.Number));
        Assert.Equal([3, 6], shards[2].Select(t => t.Number));
        Assert.Equal(plan, shards.SelectMany(s => s).OrderBy(t => t.Number));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("1-3")]
    [InlineData("a/b")]
    [InlineData("1/3/5")]
    public void Should_not_read_a_shard_When_the_text_is_not_i_of_n(string text) => Assert.Null(SweepShard.Parse(text));

    [Fact]
    public void Should_round_trip_the_parameter_text_When_trials_travel_as_properties()
    {
        // Given a trial's parameters in text form
        SweepTrial trial = SweepPlan.For(Spec(RandomSweep(seed: 11)))[3];

        // Then the text parses back to the same values
        Assert.Equal(trial.Parameters, SweepTrial.Parse(trial.ParameterText));
        Assert.Null(SweepTrial.Parse("LearningRate"));
    }

    internal static ModelSpec Spec(SweepSpec sweep) => new(
        "Flights", TaskType.BinaryClassification, new DataSpec("flights.csv", "schema.json"), new LabelSpec("delay", null, 1), [],
        new TrainerSpec("LightGbm", new Dictionary<string, double> { ["NumberOfIterations"] = 20 }, 1), new SplitSpec(0.2, 0), [], "model.yaml",
        Sweep: sweep);

    private static SweepSpec RandomSweep(int seed) => new("auc", SweepStrategy.Random, 8, seed, 2,
    [
        new SweepRange("LearningRate", 0.02, 0.3, SweepScale.Log, false, 1),
        new SweepRange("NumberOfIterations", 10, 14, SweepScale.Linear, true, 2),
        new SweepChoice("NumberOfLeaves", [15, 31, 63], 3),
    ], 1);
}
