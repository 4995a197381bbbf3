using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;

namespace MLOps.Runtime.Tests;

[Collection(TrainedModelsCollection.Name)]
public sealed class LoadedModelTests(TrainedModels models)
{
    [Fact]
    public void Should_say_what_it_serves_from_the_lineage_When_a_model_folder_is_loaded()
    {
        // Given model A's folder, When it is loaded
        using LoadedModel model = LoadedModel.Load(models.A);

        // Then it names the package, version, model hash, commit and data fingerprint its lineage records
        Lineage lineage = TrainedModels.LineageOf(models.A);
        Assert.Equal("a", model.Info.Name);
        Assert.Equal(TrainedModels.PackageId, model.Info.PackageId);
        Assert.Equal("1.0.0", model.Info.Version);
        Assert.Equal(lineage.ModelSha256, model.Info.ModelSha256);
        Assert.Equal("commit-a", model.Info.Commit);
        Assert.Equal("xxh128:data-a", model.Info.DataFingerprint);
        Assert.Equal(Path.GetFullPath(models.A), model.Info.Source);
        Assert.Contains(model.InputSchema, c => c.Name == "origin");
    }

    [Fact]
    public void Should_score_a_data_view_as_the_typed_host_scores_each_row_When_transformed()
    {
        // Given the model loaded untyped (batch scoring) and typed (a service)
        using LoadedModel model = LoadedModel.Load(models.A);
        using var host = ModelHost<FlightInput, FlightPrediction>.Load(models.A);

        // When the rows are scored both ways
        IDataView scored = model.Transform(model.Context.Data.LoadFromEnumerable(models.Rows));
        float[] batch = [.. scored.GetColumn<float>("Probability")];
        FlightPrediction[] typed = host.Predict(models.Rows);

        // Then every row gets the same probability, and the batch call equals one call per row
        Assert.Equal(batch, typed.Select(p => p.Probability));
        Assert.Equal(models.Rows.Select(r => host.Predict(r).Probability), typed.Select(p => p.Probability));
        Assert.Equal(model.Info.ModelSha256, host.Info.ModelSha256);
    }

    [Fact]
    public void Should_refuse_with_MLOPS6002_naming_both_hashes_When_the_model_file_was_changed()
    {
        // Given a copy of model A whose model.zip lost its last byte
        using var dir = new TempFolder("mlops-runtime");
        string folder = TrainedModels.CopyTo(models.A, dir.Combine("m"));
        string modelPath = Path.Combine(folder, ModelFiles.ModelFile);
        byte[] bytes = File.ReadAllBytes(modelPath);
        File.WriteAllBytes(modelPath, bytes[..^1]);

        // When it is loaded, Then it is refused, naming the file's hash and the lineage's
        var e = Assert.Throws<ModelLoadException>(() => LoadedModel.Load(folder));
        Assert.Equal(RuntimeCodes.ModelHashMismatch, e.Code);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes[..^1])), e.Message, StringComparison.Ordinal);
        Assert.Contains(TrainedModels.LineageOf(models.A).ModelSha256, e.Message, StringComparison.Ordinal);
        Assert.Equal(RuntimeCodes.ModelHashMismatch, Assert.Throws<ModelLoadException>(() => ModelHost<FlightInput, FlightPrediction>.Load(folder)).Code);
    }

    [Fact]
    public void Should_refuse_with_MLOPS6012_When_the_file_matches_its_lineage_but_is_no_model()
    {
        // Given a folder whose model.zip is text, with a lineage recording that text's hash
        using var dir = new TempFolder("mlops-runtime");
        byte[] text = "not a model"u8.ToArray();
        dir.Write(ModelFiles.ModelFile, "not a model");
        dir.Write(ModelFiles.LineageFile, System.Text.Json.JsonSerializer.Serialize(TrainedModels.LineageFor("1.0.0", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(text)), "x")));

        // When it is loaded, Then ML.NET's failure is reported with its code, not as a stack trace
        Assert.Equal(RuntimeCodes.ModelUnreadable, Assert.Throws<ModelLoadException>(() => LoadedModel.Load(dir.Path)).Code);
    }

    [Fact]
    public void Should_refuse_with_MLOPS6001_When_the_lineage_is_missing()
    {
        using var dir = new TempFolder("mlops-runtime");
        File.Copy(Path.Combine(models.A, ModelFiles.ModelFile), dir.PathOf(ModelFiles.ModelFile));
        Assert.Equal(RuntimeCodes.ModelFilesMissing, Assert.Throws<ModelLoadException>(() => LoadedModel.Load(dir.Path)).Code);
    }
}
