using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Gates;
using MLOps.Core.Spec;
using Xunit;

namespace MLOps.Core.Tests.Gates;

public sealed class GateRunTests
{
    internal static readonly ModelSpec Spec = new(
        "M", TaskType.BinaryClassification, new DataSpec("d.csv", "s.json"), new LabelSpec("y", null, 1), [],
        new TrainerSpec("LightGbm", new Dictionary<string, double>(), 0), new SplitSpec(0.2, 0),
        [new GateSpec("auc", 0.7, null, 30)], "/specs/model.yaml",
        Champion: new ChampionSpec("production", [new ChampionGateSpec("auc", null, null, 0.01, 33), new ChampionGateSpec("log_loss", 0.0, null, null, 34)], 31));

    internal static readonly ChampionEvaluation Champion = new("production", "1.0.0", "/feeds/production", "abc", new Dictionary<string, double> { ["auc"] = 0.80, ["log_loss"] = 0.50 }, null);

    [Fact]
    public void Should_pass_and_record_both_models_When_the_candidate_is_within_every_threshold()
    {
        // Given a candidate slightly worse on auc (within the allowed regression) and better on log_loss
        var bag = new DiagnosticBag();

        // When the gates run
        GateOutcome outcome = GateRun.Run(Spec, Metrics(auc: 0.795, logLoss: 0.48), Champion, null, Nobody, bag);

        // Then everything passes, and the comparison holds both models' metrics and each verdict
        Assert.Empty(bag);
        Assert.True(outcome.Champion!.Passed);
        Assert.Equal(0.80, outcome.Champion.Metrics["auc"]);
        Assert.Equal(0.795, outcome.Champion.CandidateMetrics!["auc"]);
        Assert.Equal(-0.005, outcome.Champion.Verdicts[0].Delta, precision: 10);
        Assert.False(outcome.Champion.Verdicts[1].HigherIsBetter);
        Assert.All(outcome.Cases, c => Assert.Equal(GateStatus.Passed, c.Status));
        Assert.Null(outcome.Override);
    }

    [Fact]
    public void Should_report_MLOPS3004_at_the_metric_s_line_When_the_candidate_regresses_more_than_allowed()
    {
        // Given a candidate 0.05 below the champion's auc, which allows 0.01
        var bag = new DiagnosticBag();

        // When the gates run without an override
        GateOutcome outcome = GateRun.Run(Spec, Metrics(auc: 0.75, logLoss: 0.48), Champion, "", Nobody, bag);

        // Then it is one error at the auc threshold's line, naming both values; the absolute gate still passes
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(("MLOPS3004", Severity.Error, 33), (d.Code, d.Severity, d.Line));
        Assert.Contains("auc = 0.75 against the champion's 0.8 (1.0.0, production; higher is better): regression 0.05, allowed at most 0.01. The model is not packed.", d.Message);
        Assert.False(outcome.Champion!.Passed);
        Assert.Equal([GateStatus.Passed, GateStatus.Failed, GateStatus.Passed], outcome.Cases.Select(c => c.Status));
    }

    [Fact]
    public void Should_turn_failures_into_warnings_carrying_the_reason_When_an_override_is_given()
    {
        // Given a candidate that fails both the absolute gate and the champion
        var bag = new DiagnosticBag();

        // When the gates run with an override reason
        GateOutcome outcome = GateRun.Run(Spec, Metrics(auc: 0.65, logLoss: 0.48), Champion, "  hotfix for incident 42 ", () => "Ada", bag);

        // Then no error remains: both failures are warnings with their codes and the reason, and MLOPS3008 says who
        Assert.False(bag.HasErrors);
        Assert.Equal(["MLOPS3001", "MLOPS3004", "MLOPS3008"], bag.Select(d => d.Code));
        Assert.All(bag.Take(2), d => Assert.EndsWith("Overridden: hotfix for incident 42", d.Message));
        Assert.All(bag.Take(2), d => Assert.DoesNotContain("not packed", d.Message));
        Assert.Contains("2 failed gate(s) overridden by Ada: hotfix for incident 42", bag.Last().Message);
        Assert.Equal(new MLOps.ModelFormat.Contract.GateOverride("hotfix for incident 42", "Ada"), outcome.Override);
        Assert.Equal([GateStatus.Overridden, GateStatus.Overridden, GateStatus.Passed], outcome.Cases.Select(c => c.Status));
    }

    [Fact]
    public void Should_record_no_override_When_a_reason_is_given_but_every_gate_passes()
    {
        var bag = new DiagnosticBag();
        GateOutcome outcome = GateRun.Run(Spec, Metrics(auc: 0.9, logLoss: 0.4), Champion, "just in case", Nobody, bag);
        Assert.Empty(bag);
        Assert.Null(outcome.Override);
    }

    [Fact]
    public void Should_let_the_absolute_gates_alone_decide_and_not_run_the_champion_thresholds_When_there_is_no_champion()
    {
        // Given no champion yet
        var bag = new DiagnosticBag();

        // When the gates run
        GateOutcome outcome = GateRun.Run(Spec, Metrics(auc: 0.71, logLoss: 0.9), champion: null, null, Nobody, bag);

        // Then the absolute gate passes, the champion thresholds are reported as not run, and nothing is compared
        Assert.Empty(bag);
        Assert.Null(outcome.Champion);
        Assert.Equal([GateStatus.Passed, GateStatus.NotRun, GateStatus.NotRun], outcome.Cases.Select(c => c.Status));
    }

    [Fact]
    public void Should_report_MLOPS3007_that_an_override_can_let_through_When_the_champion_cannot_score_the_test_rows()
    {
        // Given a champion whose input schema no longer fits the test rows
        ChampionEvaluation stale = Champion with { Metrics = null, NotComparable = "its input schema no longer fits the test rows: column 'origin' (String) is not in the test rows" };

        // When the gates run, without and then with an override
        var bag = new DiagnosticBag();
        GateOutcome outcome = GateRun.Run(Spec, Metrics(auc: 0.9, logLoss: 0.4), stale, null, Nobody, bag);
        var overridden = new DiagnosticBag();
        GateRun.Run(Spec, Metrics(auc: 0.9, logLoss: 0.4), stale, "new schema", Nobody, overridden);

        // Then it is MLOPS3007 at the champion section's line, naming the column; overridden, a warning
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(("MLOPS3007", 31), (d.Code, d.Line));
        Assert.Contains("column 'origin' (String) is not in the test rows", d.Message);
        Assert.Equal(outcome.Champion!.NotComparable, stale.NotComparable);
        Assert.False(overridden.HasErrors);
        Assert.Contains(overridden, w => w.Code == "MLOPS3007" && w.Severity == Severity.Warning);
    }

    [Fact]
    public void Should_keep_MLOPS3002_an_error_When_overriding_and_a_champion_metric_is_missing()
    {
        // Given a champion that reported no log_loss
        ChampionEvaluation partial = Champion with { Metrics = new Dictionary<string, double> { ["auc"] = 0.8 } };
        var bag = new DiagnosticBag();

        // When the gates run with an override
        GateRun.Run(Spec, Metrics(auc: 0.9, logLoss: 0.4), partial, "reason", Nobody, bag);

        // Then the missing metric is still an error: an override lets a measured failure through, never a gate that cannot be checked
        Assert.Equal(("MLOPS3002", Severity.Error, 34), bag.Select(d => (d.Code, d.Severity, d.Line)).Single());
    }

    private static string Nobody() => "nobody";

    internal static Dictionary<string, double> Metrics(double auc, double logLoss) => new() { ["auc"] = auc, ["log_loss"] = logLoss };
}
