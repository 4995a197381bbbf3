using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Spec;

/// <summary>Text that is not YAML is MLOPS0002 at the line and column of its cause, never an exception.</summary>
public sealed class SpecSyntaxTests
{
    [Fact]
    public void Should_report_MLOPS0002_at_the_open_brace_When_a_feature_mapping_is_not_closed()
    {
        // Given the spec with the '}' of the Distance feature (line 12) left out
        string yaml = TestModels.FlightsSpec().Replace("source: distance }", "source: distance", StringComparison.Ordinal);

        // When it is loaded
        (ModelSpec? spec, Diagnostic d, string path) = Load(yaml);

        // Then it is one syntax error at the unclosed '{', which says how to close it
        Assert.Null(spec);
        Assert.Equal(("MLOPS0002", path, 12, 5), (d.Code, d.File, d.Line, d.Column));
        Assert.Contains("'{' opened here is never closed", d.Message);
    }

    [Theory]
    [InlineData("name: X\nlabel:\n\tcolumn: delay\n", 3, 1)] // a tab as indentation
    [InlineData("name: X\ntask: y\nname: Z\n", 3, 1)] // a duplicate key
    [InlineData("name: X\ntask: *nothing\n", 2, 7)] // an alias with no anchor
    [InlineData("name: X\ntask: \"open\n", 2, 7)] // a quote never closed
    [InlineData("features: [ a, b\ntask: y\n", 1, 11)] // a flow list never closed
    [InlineData("name: X\n  task: y\n", 2, 7)] // a mapping indented under a scalar
    public void Should_report_MLOPS0002_at_its_line_and_column_When_the_yaml_is_malformed(string yaml, int line, int column)
    {
        // Given a spec whose text is not valid YAML
        // When it is loaded
        (ModelSpec? spec, Diagnostic d, string path) = Load(yaml);

        // Then the error names the place of the problem, not the start of the file
        Assert.Null(spec);
        Assert.Equal(("MLOPS0002", path, line, column), (d.Code, d.File, d.Line, d.Column));
    }

    private static (ModelSpec? Spec, Diagnostic Error, string Path) Load(string yaml)
    {
        using var dir = new TempFolder("mlops-spec");
        string path = dir.Write("model.yaml", yaml);
        var bag = new DiagnosticBag();
        ModelSpec? spec = SpecLoader.Load(path, bag);
        return (spec, Assert.Single(bag), path);
    }
}
