using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;

namespace MLOps.Runtime.Tests;

[Collection(TrainedModelsCollection.Name)]
public sealed class ModelServiceTests(TrainedModels models)
{
    [Fact]
    public async Task Should_serve_the_new_model_and_name_it_When_reloaded_after_a_new_version_arrives()
    {
        // Given a service on model A's folder
        using var dir = new TempFolder("mlops-runtime");
        string folder = TrainedModels.CopyTo(models.A, dir.Combine("FlightDelay"));
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new() { ModelName = TrainedModels.Name, Directory = folder });
        (ModelInfo Old, ModelInfo New)? swapped = null;
        service.Swapped += (o, n) => swapped = (o, n);
        Served<FlightPrediction> before = service.Predict(models.Rows[0], "r1");
        Assert.Equal(ReloadOutcome.Unchanged, (await service.ReloadAsync()).Outcome);

        // When model B is copied over it and a reload is asked for
        TrainedModels.CopyTo(models.B, folder);
        ReloadResult result = await service.ReloadAsync();

        // Then B serves, named by its version and hash, and the swap was announced
        Assert.Equal(ReloadOutcome.Swapped, result.Outcome);
        Assert.Equal("1.0.0", before.Model.Version);
        Assert.Equal("r1", before.RequestId);
        Assert.Equal(TrainedModels.Name, before.Model.Name);
        Assert.Equal("1.0.1", service.Current.Version);
        Assert.Equal(TrainedModels.LineageOf(models.B).ModelSha256, service.Predict(models.Rows[0]).Model.ModelSha256);
        Assert.Equal(("1.0.0", "1.0.1"), (swapped?.Old.Version, swapped?.New.Version));
    }

    [Fact]
    public async Task Should_give_each_call_its_own_request_id_and_a_batch_one_model_When_no_id_is_passed()
    {
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new() { ModelName = TrainedModels.Name, Directory = models.A });

        string[] ids = [.. Enumerable.Range(0, 100).Select(i => service.Predict(models.Rows[i % models.Rows.Count]).RequestId)];
        Served<FlightPrediction[]> batch = service.Predict(models.Rows, "batch-1");

        Assert.Equal(100, ids.Distinct().Count());
        Assert.Equal("batch-1", batch.RequestId);
        Assert.Equal(models.Rows.Count, batch.Value.Length);
        Assert.Equal(models.Rows.Select(r => service.Predict(r).Value.Probability), batch.Value.Select(p => p.Probability));
    }

    [Fact]
    public async Task Should_keep_serving_and_report_MLOPS6002_When_a_reload_finds_a_tampered_model()
    {
        // Given a service on model A, then B's files copied over with model.zip changed after packaging
        using var dir = new TempFolder("mlops-runtime");
        string folder = TrainedModels.CopyTo(models.A, dir.Combine("FlightDelay"));
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new() { ModelName = TrainedModels.Name, Directory = folder });
        float expected = service.Predict(models.Rows[1]).Value.Probability;
        TrainedModels.CopyTo(models.B, folder);
        await using (var model = File.OpenWrite(Path.Combine(folder, ModelFiles.ModelFile)))
        {
            model.Seek(-1, SeekOrigin.End);
            model.WriteByte(0x42);
        }

        // When it reloads
        ReloadResult result = await service.ReloadAsync();

        // Then the reload fails with the hash mismatch, both hashes named, and A keeps answering as before
        Assert.Equal(ReloadOutcome.Failed, result.Outcome);
        Assert.Equal(RuntimeCodes.ModelHashMismatch, result.Code);
        Assert.Contains(TrainedModels.LineageOf(models.B).ModelSha256, result.Message, StringComparison.Ordinal);
        Assert.Equal("1.0.0", result.Current.Version);
        Assert.Equal(result, service.LastFailure);
        Served<FlightPrediction> after = service.Predict(models.Rows[1]);
        Assert.Equal(("1.0.0", expected), (after.Model.Version, after.Value.Probability));
    }

    [Fact]
    public async Task Should_keep_serving_and_report_MLOPS6001_When_a_reload_finds_the_lineage_missing()
    {
        using var dir = new TempFolder("mlops-runtime");
        string folder = TrainedModels.CopyTo(models.A, dir.Combine("FlightDelay"));
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new() { ModelName = TrainedModels.Name, Directory = folder });
        File.Delete(Path.Combine(folder, ModelFiles.LineageFile));

        ReloadResult result = await service.ReloadAsync();

        Assert.Equal((ReloadOutcome.Failed, RuntimeCodes.ModelFilesMissing), (result.Outcome, result.Code));
        Assert.Equal("1.0.0", service.Predict(models.Rows[0]).Model.Version);
    }

    [Fact]
    public async Task Should_refuse_with_MLOPS6009_When_the_source_offers_another_package()
    {
        // Given a source folder holding model B under another package id
        using var dir = new TempFolder("mlops-runtime");
        string source = TrainedModels.CopyTo(models.B, dir.Combine("source"));
        Lineage other = TrainedModels.LineageOf(source) with { ModelId = "Churn.Model" };
        File.WriteAllText(Path.Combine(source, ModelFiles.LineageFile), System.Text.Json.JsonSerializer.Serialize(other));
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = TrainedModels.Name,
            Directory = models.A,
            Source = ModelSources.Folder(source),
        });

        // When it reloads, Then the other model is refused and A serves on
        ReloadResult result = await service.ReloadAsync();
        Assert.Equal((ReloadOutcome.Failed, RuntimeCodes.ModelNameMismatch), (result.Outcome, result.Code));
        Assert.Equal("1.0.0", service.Current.Version);
    }

    [Fact]
    public async Task Should_report_MLOPS6005_When_the_source_folder_does_not_exist()
    {
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = TrainedModels.Name,
            Directory = models.A,
            Source = ModelSources.Folder(Path.Combine(Path.GetTempPath(), $"mlops-missing-{Guid.NewGuid():N}")),
        });

        ReloadResult result = await service.ReloadAsync();

        Assert.Equal((ReloadOutcome.Failed, RuntimeCodes.SourceUnreachable), (result.Outcome, result.Code));
    }

    [Fact]
    public async Task Should_swap_within_the_poll_interval_When_a_new_version_lands_in_the_source_folder()
    {
        // Given a service on A polling a deployment folder every 300 ms
        using var dir = new TempFolder("mlops-runtime");
        string deploy = TrainedModels.CopyTo(models.A, dir.Combine("deploy"));
        var interval = TimeSpan.FromMilliseconds(300);
        await using var service = ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = TrainedModels.Name,
            Directory = models.A,
            Source = ModelSources.Folder(deploy),
            PollInterval = interval,
        });
        var swapped = new TaskCompletionSource<ModelInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        service.Swapped += (_, now) => swapped.TrySetResult(now);

        // When B is deployed there (lineage first, then the model: for a moment the folder is inconsistent)
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TrainedModels.CopyTo(models.B, deploy);

        // Then B serves within one interval plus the load (allowed: 2 intervals and 2 s for loading on a busy machine)
        ModelInfo now = await swapped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(clock.Elapsed < 2 * interval + TimeSpan.FromSeconds(2), $"swapped after {clock.Elapsed}");
        Assert.Equal("1.0.1", now.Version);
        Assert.Equal("1.0.1", service.Predict(models.Rows[0]).Model.Version);
    }

    [Fact]
    public async Task Should_refuse_calls_and_reloads_When_the_service_is_disposed()
    {
        var service = ModelService<FlightInput, FlightPrediction>.Start(new() { ModelName = TrainedModels.Name, Directory = models.A });
        await service.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => service.Predict(models.Rows[0]));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => service.ReloadAsync());
        await service.DisposeAsync();
    }

    [Theory]
    [InlineData("", 1.0, 1024, 1, 1)]
    [InlineData("FlightDelay", 1.5, 1024, 1, 1)]
    [InlineData("FlightDelay", 1.0, 10, 1, 1)]
    [InlineData("FlightDelay", 1.0, 1024, 0, 1)]
    [InlineData("FlightDelay", 1.0, 1024, 1, 0)]
    public void Should_refuse_with_MLOPS6011_When_an_option_is_out_of_range(string name, double rate, long maxFileBytes, int maxFiles, int queue)
    {
        using var dir = new TempFolder("mlops-runtime");
        var e = Assert.Throws<ModelLoadException>(() => ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = name,
            Directory = models.A,
            Log = new() { Directory = dir.Path, SampleRate = rate, MaxFileBytes = maxFileBytes, MaxFiles = maxFiles, QueueCapacity = queue },
        }));
        Assert.Equal(RuntimeCodes.OptionsInvalid, e.Code);
    }

    [Fact]
    public void Should_refuse_with_MLOPS6011_When_the_poll_interval_is_not_positive()
    {
        var e = Assert.Throws<ModelLoadException>(() => ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = TrainedModels.Name,
            Directory = models.A,
            PollInterval = TimeSpan.Zero,
        }));
        Assert.Equal(RuntimeCodes.OptionsInvalid, e.Code);
    }
}
