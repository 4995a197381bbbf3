using MLOps.Core.IO;
using MLOps.ModelFormat.Contract;
using MLOps.Runtime;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Contract;

/// <summary>The runtime reads lineage.json through the contract's <see cref="Lineage"/> record, as the pipeline wrote it.</summary>
public sealed class RuntimeLineageTests
{
    private sealed class Row;

    [Fact]
    public void Should_refuse_with_MLOPS6002_When_the_model_file_is_not_the_one_the_lineage_records()
    {
        // Given a model folder whose lineage, written by the pipeline's writer, records another hash
        using var dir = new TempFolder("mlops-runtime-lineage");
        dir.Write(ModelFiles.ModelFile, "not the model");
        JsonFile.Write(dir.PathOf(ModelFiles.LineageFile), LineageJsonTests.Sample(modelSha256: new string('0', 64)));

        // When the runtime loads it, Then it compares against the typed lineage's model_sha256
        var e = Assert.Throws<ModelLoadException>(() => ModelHost<Row, Row>.Load(dir.Path));
        Assert.Equal(RuntimeCodes.ModelHashMismatch, e.Code);
    }

    [Theory]
    [InlineData("{ \"model_version\": \"1.0.0\" }")]
    [InlineData("{ \"model_sha256\": 3 }")]
    [InlineData("not json")]
    public void Should_refuse_with_MLOPS6003_When_the_lineage_has_no_model_sha256(string lineage)
    {
        // Given a model folder whose lineage is not a manifest with a model_sha256
        using var dir = new TempFolder("mlops-runtime-lineage");
        dir.Write(ModelFiles.ModelFile, "model");
        dir.Write(ModelFiles.LineageFile, lineage);

        // When the runtime loads it, Then it reports the lineage, not a stack trace
        var e = Assert.Throws<ModelLoadException>(() => ModelHost<Row, Row>.Load(dir.Path));
        Assert.Equal(RuntimeCodes.LineageInvalid, e.Code);
    }
}
