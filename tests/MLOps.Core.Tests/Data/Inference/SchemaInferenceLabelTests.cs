using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data.Inference;

public sealed class SchemaInferenceLabelTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_mark_the_label_training_only_When_a_label_is_given()
    {
        // Given data with a label column, delay
        string path = _temp.Write("d.csv", "origin,delay\nATL,3\nORD,40\n");

        // When a schema is inferred with delay as the label
        TableSchema? schema = SchemaInference.Infer(path, _bag, new InferenceOptions { Label = "delay" });

        // Then delay is training-only and the other columns apply everywhere
        Assert.Empty(_bag);
        Assert.Equal(["training"], schema!.Find("delay")!.Environments);
        Assert.Null(schema.Find("origin")!.Environments);
        Assert.Contains("\"environments\": [\"training\"]", SchemaWriter.Serialize(schema));
    }

    [Fact]
    public void Should_report_MLOPS1070_naming_the_header_When_the_label_is_not_in_the_data()
    {
        // Given data without the column named as the label (the case differs)
        string path = _temp.Write("d.csv", "origin,delay\nATL,3\n");

        // When a schema is inferred with Delay as the label
        TableSchema? schema = SchemaInference.Infer(path, _bag, new InferenceOptions { Label = "Delay" });

        // Then there is no schema, and the error is at the header and lists its columns
        Assert.Null(schema);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal((Codes.InferLabelNotInData, "MLOPS1070", path, 1), (error.Code, error.Code, error.File, error.Line));
        Assert.Contains("'Delay'", error.Message);
        Assert.Contains("The header has: origin, delay.", error.Message);
    }
}
