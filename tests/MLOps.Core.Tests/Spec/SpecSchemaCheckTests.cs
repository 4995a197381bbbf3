using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Spec;

public sealed class SpecSchemaCheckTests
{
    [Theory]
    [InlineData("source: origin, encode: one-hot", "source: airport, encode: one-hot", "MLOPS0011")]
    [InlineData("source: distance }", "source: distance, derive: hour }", "MLOPS0018")]
    [InlineData("source: origin, encode: one-hot", "source: origin", "MLOPS0018")]
    [InlineData("source: date, derive: hour }", "source: date, derive: hour, encode: text }", "MLOPS0018")]
    [InlineData("column: delay", "column: origin", "MLOPS0012")]
    public void Should_report_its_code_When_the_spec_does_not_fit_the_schema(string from, string to, string code)
    {
        // Given a spec that parses but does not fit its schema
        using var dir = new TempFolder("mlops-spec");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        string path = dir.Write("model.yaml", TestModels.FlightsSpec().Replace(from, to, StringComparison.Ordinal));
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(path, bag)!;
        TableSchema schema = SchemaFile.Load(dir.PathOf("schema.json"), bag)!;

        // When checked against the schema
        SpecSchemaCheck.Check(spec, schema, bag);

        // Then the one problem is reported on the spec's line for it
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(code, d.Code);
        Assert.Equal(path, d.File);
        Assert.True(d.Line > 1);
    }

    [Theory]
    [InlineData("source: comment, encode: text", "source: comment", "use encode: text.")]
    [InlineData("source: comment, encode: text", "source: comment, encode: numeric", "use encode: text.")]
    [InlineData("source: comment, encode: text", "source: comment, encode: one-hot", "Use encode: text, or declare the column categorical in the schema if its values are a bounded set.")]
    [InlineData("source: cabin, encode: one-hot", "source: cabin, encode: text", "Use encode: one-hot.")]
    [InlineData("source: distance }", "source: distance, encode: text }", "Use encode: numeric.")]
    public void Should_report_a_feature_type_mismatch_with_the_fitting_encoding_When_text_and_encode_text_do_not_meet(string from, string to, string advice)
    {
        // Given a spec whose free-text column is not encoded as text, or whose encode: text reads another type
        var (spec, schema, bag) = LoadFeedback(TextTestModels.FeedbackSpec().Replace(from, to, StringComparison.Ordinal));

        // When checked against the schema
        SpecSchemaCheck.Check(spec, schema, bag);

        // Then the one problem is MLOPS0018 and names the encoding to use
        Diagnostic d = Assert.Single(bag);
        Assert.Equal("MLOPS0018", d.Code);
        Assert.EndsWith(advice, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_an_invalid_label_When_a_multiclass_label_is_free_text()
    {
        // Given a multiclass spec whose label is the free-text comment
        var (spec, schema, bag) = LoadFeedback("""
            name: Feedback
            task: multiclass-classification
            data: { path: feedback.csv, schema: schema.json }
            label: { column: comment }
            features:
              - { name: Distance, source: distance }
            """);

        // When checked against the schema
        SpecSchemaCheck.Check(spec, schema, bag);

        // Then the label is rejected with MLOPS0012, pointing at a categorical column
        Diagnostic d = Assert.Single(bag);
        Assert.Equal("MLOPS0012", d.Code);
        Assert.Contains("declare the column categorical", d.Message, StringComparison.Ordinal);
    }

    private static (ModelSpec Spec, TableSchema Schema, DiagnosticBag Bag) LoadFeedback(string specYaml)
    {
        using var dir = new TempFolder("mlops-spec");
        dir.Write("feedback.csv", TextTestModels.FeedbackCsv(10));
        dir.Write("schema.json", TextTestModels.FeedbackSchema);
        string path = dir.Write("model.yaml", specYaml);
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(path, bag)!;
        TableSchema schema = SchemaFile.Load(dir.PathOf("schema.json"), bag)!;
        Assert.Empty(bag);
        return (spec, schema, bag);
    }
}
