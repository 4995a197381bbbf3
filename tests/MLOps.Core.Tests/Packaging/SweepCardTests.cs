using MLOps.Core.IO;
using MLOps.Core.Packaging;
using MLOps.Core.Tests.Gates;
using MLOps.ModelFormat.Contract;
using Xunit;

namespace MLOps.Core.Tests.Packaging;

/// <summary>A model that won a sweep says so in its lineage (<c>sweep</c>) and its model card.</summary>
public sealed class SweepCardTests
{
    private static readonly Lineage Lineage = new(
        1, "M.Model", "1.1.0", "binary-classification", new DataLineage("d.csv", "xxh128:0", 10, 8, 2, "s"), new CodeLineage(null, null), "spec",
        new TrainerLineage("LightGbm", new Dictionary<string, double> { ["NumberOfLeaves"] = 31 }, 0, 0.2, 0), GateRunTests.Metrics(auc: 0.75, logLoss: 0.48), [],
        new ToolVersions("5.0.1", null, "10.0", "0.2.0"), "model.zip", "abc", DateTimeOffset.UnixEpoch);

    private static readonly SweepLineage Sweep = new("3f9c2a71d0b4e815", 3, "auc", 0.67125, 8, "0123456789abcdef");

    [Fact]
    public void Should_name_the_parent_trial_metric_value_and_trial_count_When_the_model_won_a_sweep()
    {
        // Given the lineage of a model whose parameters won trial 3 of 8
        Lineage lineage = Lineage with { Sweep = Sweep };

        // When the card is rendered and the lineage serialized
        string card = ModelCard.Render(GateRunTests.Spec, lineage, "MModel", "MModelInput");
        string json = JsonFile.Serialize(lineage);

        // Then both say which sweep, which trial and by what value on the validation split
        Assert.Contains("- Sweep: these parameters won a sweep of 8 trials (trial 3, auc 0.6713 on the validation split; parent run `3f9c2a71d0b4e815`).", card, StringComparison.Ordinal);
        Assert.Contains("\"sweep\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"parent\": \"3f9c2a71d0b4e815\"", json, StringComparison.Ordinal);
        Assert.Contains("\"trials\": 8", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_nothing_of_sweeps_When_the_model_was_not_swept()
    {
        Assert.DoesNotContain("Sweep", ModelCard.Render(GateRunTests.Spec, Lineage, "MModel", "MModelInput"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"sweep\"", JsonFile.Serialize(Lineage), StringComparison.Ordinal);
    }
}
