using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Spec;

/// <summary>The spec's champion: section (docs/model-spec.md#champion), appended after the gates at line 24.</summary>
public sealed class ChampionSpecTests
{
    [Fact]
    public void Should_read_the_stage_and_each_metric_s_thresholds_with_their_lines_When_the_section_is_valid()
    {
        // Given a champion section with a stage and two metrics
        string yaml = """
            champion:
              stage: staging
              metrics:
                auc: { min-improvement: 0.0, min-relative-improvement: 0.01, max-regression: 0.005 }
                log_loss: { max-regression: 0.02 }
            """;

        // When the spec is loaded
        (ModelSpec? spec, DiagnosticBag bag) = Load(yaml);

        // Then both metrics are read, each at its line
        Assert.Empty(bag);
        ChampionSpec champion = Assert.IsType<ChampionSpec>(spec!.Champion);
        Assert.Equal(("staging", 24), (champion.Stage, champion.Line));
        Assert.Equal([new ChampionGateSpec("auc", 0.0, 0.01, 0.005, 27), new ChampionGateSpec("log_loss", null, null, 0.02, 28)], champion.Metrics);
    }

    [Fact]
    public void Should_default_the_stage_to_production_When_the_section_names_none()
    {
        // Given a champion section without a stage
        // When the spec is loaded
        (ModelSpec? spec, DiagnosticBag bag) = Load("champion:\n  metrics:\n    auc: { max-regression: 0 }");

        // Then the champion is the model production serves
        Assert.Empty(bag);
        Assert.Equal(ChampionSpec.DefaultStage, spec!.Champion!.Stage);
    }

    [Fact]
    public void Should_have_no_champion_section_When_the_spec_has_none()
    {
        (ModelSpec? spec, DiagnosticBag bag) = Load("");
        Assert.Empty(bag);
        Assert.Null(spec!.Champion);
    }

    [Theory]
    [InlineData("champion:\n  stgae: production", "MLOPS0004", 25)] // a typo in the section
    [InlineData("champion:\n  metrics:\n    auc: { min-improvment: 0.01 }", "MLOPS0004", 26)] // a typo in a threshold
    [InlineData("champion:\n  metrics:\n    rmse: { max-regression: 0.1 }", "MLOPS0014", 26)] // a metric of another task
    [InlineData("champion:\n  metrics:\n    auc: { }", "MLOPS0015", 26)] // no threshold
    [InlineData("champion:\n  metrics:\n    auc: { max-regression: -0.01 }", "MLOPS0015", 26)] // a negative regression
    [InlineData("champion:\n  metrics:\n    auc: { min-improvement: lots }", "MLOPS0005", 26)] // not a number
    [InlineData("champion: production", "MLOPS0005", 24)] // not a mapping
    public void Should_report_the_exact_code_at_the_line_When_the_champion_section_is_wrong(string yaml, string code, int line)
    {
        // Given a spec whose champion section has one mistake
        // When it is loaded
        (ModelSpec? spec, DiagnosticBag bag) = Load(yaml);

        // Then the spec is refused with that mistake's code at its line
        Assert.Null(spec);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal((code, line), (d.Code, d.Line));
    }

    private static (ModelSpec? Spec, DiagnosticBag Bag) Load(string champion)
    {
        using var dir = new TempFolder("mlops-spec");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(dir.Write("model.yaml", TestModels.FlightsSpec() + "\n" + champion + "\n"), bag);
        return (spec, bag);
    }
}
