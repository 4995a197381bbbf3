using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>The run cache: a model trained before with the same inputs is restored, verified, instead of trained.</summary>
[Collection(TargetsCollection.Name)]
public sealed class RunCacheTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_restore_the_same_model_from_the_run_cache_When_obj_is_deleted_and_the_project_rebuilt()
    {
        // Given a model project built once: its model is stored in artifacts/cache/<key>/
        DotNetResult first = _project.Build();
        Assert.True(first.Succeeded, first.ToString());
        byte[] model = File.ReadAllBytes(_project.ModelFile());
        string entry = Assert.Single(_project.RunCacheEntries());

        // When obj/ is deleted and the project built again
        Directory.Delete(Path.Combine(_project.ProjectDirectory, "obj"), recursive: true);
        DotNetResult again = _project.Build();

        // Then the model is restored from that entry, not trained, and evaluated and gated as before
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains($"Demo: restored from run cache {Path.GetFileName(entry)} (trained ", again.Output);
        Assert.DoesNotContain("Demo: trained", again.Output);
        Assert.Contains("Demo: quality gate passed", again.Output);
        Assert.Equal(model, File.ReadAllBytes(_project.ModelFile()));
    }

    [Fact]
    public void Should_discard_the_entry_and_retrain_When_a_cached_file_fails_its_hash_check()
    {
        // Given a model project built once, and its cached model.zip then corrupted (one byte)
        Assert.True(_project.Build().Succeeded);
        byte[] model = File.ReadAllBytes(_project.ModelFile());
        string entry = Assert.Single(_project.RunCacheEntries());
        string cached = Path.Combine(entry, "model.zip");
        byte[] corrupt = File.ReadAllBytes(cached);
        corrupt[corrupt.Length / 2] ^= 0xFF;
        File.WriteAllBytes(cached, corrupt);

        // When obj/ is deleted and the project built again
        Directory.Delete(Path.Combine(_project.ProjectDirectory, "obj"), recursive: true);
        DotNetResult again = _project.Build();

        // Then the entry is reported (MLOPS2003) and not used: the model is trained again, the same bytes as before
        Assert.True(again.Succeeded, again.ToString());
        Assert.NotEmpty(again.Warnings("MLOPS2003"));
        Assert.DoesNotContain("restored from run cache", again.Output);
        Assert.Contains("Demo: trained LightGbm on ", again.Output);
        Assert.Equal(model, File.ReadAllBytes(_project.ModelFile()));

        // And the entry is replaced by a good one
        Assert.Equal(entry, Assert.Single(_project.RunCacheEntries()));
        Assert.Equal(model, File.ReadAllBytes(cached));
    }

    [Fact]
    public void Should_train_and_store_nothing_When_the_run_cache_is_turned_off()
    {
        // Given a model project built with an empty MLOpsRunCache
        DotNetResult first = _project.Build("-p:MLOpsRunCache=");
        Assert.True(first.Succeeded, first.ToString());

        // Then nothing was stored, and a rebuild without obj/ trains again
        Assert.Empty(_project.RunCacheEntries());
        Directory.Delete(Path.Combine(_project.ProjectDirectory, "obj"), recursive: true);
        DotNetResult again = _project.Build("-p:MLOpsRunCache=");
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Demo: trained LightGbm on ", again.Output);
        Assert.Empty(_project.RunCacheEntries());
    }
}
