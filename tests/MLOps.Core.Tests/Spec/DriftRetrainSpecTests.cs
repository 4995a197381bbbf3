using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Spec;

public sealed class DriftRetrainSpecTests
{
    // The flights spec ends at line 23; an appended section starts at line 24.
    private static string With(string sections) => TestModels.FlightsSpec() + "\n" + sections;

    [Fact]
    public void Should_read_both_sections_When_the_spec_has_them()
    {
        // Given a spec with drift: and retrain: sections
        using var dir = Folder();
        string yaml = With("drift:\n  share: 0.3\n  prediction: false\n  columns:\n    distance: { method: psi, threshold: 0.2 }\n    date.month: { threshold: 0.05 }\n"
            + "retrain:\n  data: flights.csv\n  window: { by: date, last: 2 months }\n");

        // When it is loaded
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(dir.Write("model.yaml", yaml), bag)!;
        SpecSchemaCheck.Check(spec, SchemaFile.Load(dir.PathOf("schema.json"), bag)!, bag);

        // Then every setting is read as written
        Assert.Empty(bag);
        Assert.Equal((0.3, false), (spec.Drift!.Share, spec.Drift.Prediction));
        Assert.Equal([new DriftColumnSpec("distance", "psi", 0.2, 28), new DriftColumnSpec("date.month", null, 0.05, 29)], spec.Drift.Columns);
        Assert.Equal((dir.PathOf("flights.csv"), new RetrainWindow("date", 2, WindowUnit.Months)), (spec.Retrain!.Data, spec.Retrain.Window));
    }

    [Fact]
    public void Should_leave_both_unset_and_default_the_retrain_data_When_the_sections_are_absent_or_bare()
    {
        // Given a spec without the sections, and one whose retrain names no data
        using var dir = Folder();
        var bag = new DiagnosticBag();
        ModelSpec plain = SpecLoader.Load(dir.Write("plain.yaml", TestModels.FlightsSpec()), bag)!;
        ModelSpec bare = SpecLoader.Load(dir.Write("bare.yaml", With("retrain:\n  window: { by: date, last: 3 weeks }\n")), bag)!;

        // Then the plain spec has neither, and the retrain data defaults to data.path
        Assert.Empty(bag);
        Assert.Equal((null, null), (plain.Drift, plain.Retrain));
        Assert.Equal((plain.Data.Path, 3, WindowUnit.Weeks), (bare.Retrain!.Data, bare.Retrain.Window.Count, bare.Retrain.Window.Unit));
    }

    [Theory]
    [InlineData("drift:\n  share: 1.5\n", "MLOPS0070", 25)]
    [InlineData("drift:\n  share: 0\n", "MLOPS0070", 25)]
    [InlineData("drift:\n  columns:\n    distance: { method: kolmogorov }\n", "MLOPS0071", 26)]
    [InlineData("drift:\n  columns:\n    distance: {}\n", "MLOPS0071", 26)]
    [InlineData("drift:\n  columns:\n    distance: { method: ks, threshold: 1.5 }\n", "MLOPS0072", 26)]
    [InlineData("drift:\n  columns:\n    distance: { threshold: -0.1 }\n", "MLOPS0072", 26)]
    [InlineData("drift:\n  prediction: sometimes\n", "MLOPS0073", 25)]
    [InlineData("retrain:\n  window: { by: date, last: two months }\n", "MLOPS0075", 25)]
    [InlineData("retrain:\n  window: { by: date, last: 0 days }\n", "MLOPS0075", 25)]
    [InlineData("retrain:\n  window: { by: date, last: 2 years }\n", "MLOPS0075", 25)]
    [InlineData("retrain:\n  data: march.csv\n  window: { by: date, last: 2 months }\n", "MLOPS0017", 25)]
    [InlineData("retrain:\n  data: flights.csv\n", "MLOPS0003", 25)]
    public void Should_report_the_code_and_line_When_a_section_is_wrong(string sections, string code, int line)
    {
        // Given a spec whose drift: or retrain: section is wrong in one way
        using var dir = Folder();
        string path = dir.Write("model.yaml", With(sections));

        // When it is loaded
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(path, bag);

        // Then the code names the spec and the line, and no spec comes back
        Diagnostic d = Assert.Single(bag, d => d.Code == code);
        Assert.Equal((path, line), (d.File, d.Line));
        Assert.Null(spec);
    }

    [Theory]
    [InlineData("drift:\n  columns:\n    date: { method: psi }\n", "MLOPS0074", 26, "It compares: date.hour, date.day_of_week, date.month, distance, origin, prediction.Probability.")]
    [InlineData("retrain:\n  window: { by: distance, last: 2 months }\n", "MLOPS0076", 24, "is integer")]
    [InlineData("retrain:\n  window: { by: departed, last: 2 months }\n", "MLOPS0076", 24, "is not in the schema")]
    public void Should_report_the_code_When_a_section_does_not_fit_the_schema(string sections, string code, int line, string says)
    {
        // Given a spec whose section names a column the schema does not allow there
        using var dir = Folder();
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(dir.Write("model.yaml", With(sections)), bag)!;

        // When it is checked against the schema
        SpecSchemaCheck.Check(spec, SchemaFile.Load(dir.PathOf("schema.json"), bag)!, bag);

        // Then the code, the line and what the check compares
        Diagnostic d = Assert.Single(bag);
        Assert.Equal((code, line), (d.Code, d.Line));
        Assert.Contains(says, d.Message, StringComparison.Ordinal);
    }

    private static TempFolder Folder()
    {
        var dir = new TempFolder("mlops-drift-spec");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        return dir;
    }
}
