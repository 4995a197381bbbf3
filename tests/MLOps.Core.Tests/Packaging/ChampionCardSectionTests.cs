using System.Text;
using MLOps.Core.Diagnostics;
using MLOps.Core.Gates;
using MLOps.Core.Packaging;
using MLOps.Core.Tests.Gates;
using MLOps.ModelFormat.Contract;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Core.Tests.Packaging;

public sealed class ChampionCardSectionTests(ITestOutputHelper log)
{
    private static readonly Lineage Lineage = new(
        1, "M.Model", "1.1.0", "binary-classification", new DataLineage("d.csv", "xxh128:0", 10, 8, 2, "s"), new CodeLineage(null, null), "spec",
        new TrainerLineage("LightGbm", new Dictionary<string, double>(), 0, 0.2, 0), GateRunTests.Metrics(auc: 0.75, logLoss: 0.48), [],
        new ToolVersions("5.0.1", null, "10.0", "0.2.0"), "model.zip", "abc", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Should_show_each_metric_of_both_models_with_delta_threshold_and_verdict_and_the_override_When_a_failure_was_overridden()
    {
        // Given a candidate whose auc regressed beyond the champion threshold, overridden with a reason
        GateOutcome outcome = GateRun.Run(GateRunTests.Spec, Lineage.Metrics, GateRunTests.Champion, "owner accepted", () => "Ada", new DiagnosticBag());
        Lineage lineage = Lineage with { Champion = outcome.Champion, GateOverride = outcome.Override };

        // When the card's champion section is rendered
        var md = new StringBuilder();
        ChampionCardSection.Render(md, GateRunTests.Spec, lineage);
        log.WriteLine(md.ToString());

        // Then it names the champion, lists both models per metric, and says who overrode the failure and why
        string card = md.ToString();
        Assert.Contains("The champion is M.Model 1.0.0, served by production (model sha256 `abc`)", card);
        Assert.Contains("Verdict: **failed, overridden**", card);
        Assert.Contains("| auc | 0.7500 | 0.8000 | -0.0500 | regression <= 0.01 | failed (overridden) |", card);
        Assert.Contains("| log_loss | 0.4800 | 0.5000 | -0.0200 | improvement >= 0 | passed |", card);
        Assert.Contains("## Gate override", card);
        Assert.Contains("Failed gates were let through by Ada: \"owner accepted\".", card);
    }

    [Fact]
    public void Should_render_nothing_When_there_was_neither_a_champion_nor_an_override()
    {
        var md = new StringBuilder();
        ChampionCardSection.Render(md, GateRunTests.Spec, Lineage);
        Assert.Equal(0, md.Length);
    }
}
