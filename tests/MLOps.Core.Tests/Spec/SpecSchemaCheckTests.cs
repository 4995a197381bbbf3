using MLOps.Core.Data;
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
}
