using System.Xml.Linq;
using MLOps.Core.Diagnostics;
using MLOps.Core.Gates;
using Xunit;

namespace MLOps.Core.Tests.Gates;

public sealed class GateJUnitTests
{
    [Fact]
    public void Should_write_one_testsuite_with_a_testcase_per_gate_and_a_failure_with_its_code_When_a_gate_fails()
    {
        // Given gate results where the champion threshold on auc fails
        GateOutcome outcome = GateRun.Run(GateRunTests.Spec, GateRunTests.Metrics(auc: 0.75, logLoss: 0.48), GateRunTests.Champion, null, () => "nobody", new DiagnosticBag());

        // When they are rendered as JUnit XML and parsed
        XElement root = XDocument.Parse(GateJUnit.Render("M", outcome.Cases, outcome.Champion, outcome.Override)).Root!;

        // Then there is one suite for the model with three cases, the failed one carrying the MLOPS code and the message
        Assert.Equal("testsuites", root.Name.LocalName);
        XElement suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal(("M", "3", "1", "0"), ((string)suite.Attribute("name")!, (string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("skipped")!));
        Assert.Equal(["M.gates/auc", "M.champion/auc", "M.champion/log_loss"], suite.Elements("testcase").Select(c => $"{c.Attribute("classname")!.Value}/{c.Attribute("name")!.Value}"));
        XElement failure = Assert.Single(suite.Descendants("failure"));
        Assert.Equal("MLOPS3004", failure.Attribute("type")!.Value);
        Assert.Contains("regression 0.05, allowed at most 0.01", failure.Attribute("message")!.Value);
        Assert.Equal("1.0.0", suite.Element("properties")!.Elements("property").Single(p => p.Attribute("name")!.Value == "champion.version").Attribute("value")!.Value);
    }

    [Fact]
    public void Should_mark_overridden_failures_skipped_with_the_reason_and_record_the_override_When_overridden()
    {
        // Given the same failure, overridden
        GateOutcome outcome = GateRun.Run(GateRunTests.Spec, GateRunTests.Metrics(auc: 0.75, logLoss: 0.48), GateRunTests.Champion, "accepted by the model owner", () => "Ada", new DiagnosticBag());

        // When rendered and parsed
        XElement suite = XDocument.Parse(GateJUnit.Render("M", outcome.Cases, outcome.Champion, outcome.Override)).Root!.Element("testsuite")!;

        // Then no failure remains; the case is skipped with the code and reason, its text kept, and the suite names who overrode it
        Assert.Empty(suite.Descendants("failure"));
        Assert.Equal(("0", "1"), ((string)suite.Attribute("failures")!, (string)suite.Attribute("skipped")!));
        XElement skipped = Assert.Single(suite.Descendants("skipped"));
        Assert.Equal("MLOPS3004 overridden: accepted by the model owner", skipped.Attribute("message")!.Value);
        Assert.Contains("Champion gate failed", skipped.Parent!.Element("system-out")!.Value);
        var properties = suite.Element("properties")!.Elements("property").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal(("accepted by the model owner", "Ada"), (properties["gate_override.reason"], properties["gate_override.by"]));
    }
}
